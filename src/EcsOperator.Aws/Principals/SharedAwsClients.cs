using EcsOperator.Aws.ApplicationAutoScaling;
using EcsOperator.Aws.Ecs;

namespace EcsOperator.Aws.Principals;

/// <summary>One principal for every namespace: the operator's own credentials (the install without tenancy roles).</summary>
public sealed class SharedAwsClients(IEcsApi ecs, IApplicationAutoScalingApi autoScaling) : IAwsClientsForNamespace
{
    private readonly AwsClients _clients = new(ecs, autoScaling);

    public AwsClients For(string @namespace) => _clients;
}
