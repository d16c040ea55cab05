namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// The Service Connect resource. Each configuration maps a discovery name to a Cloud Map service name.
/// </summary>
public sealed record ServiceConnectServiceResource
{
    public string? DiscoveryName { get; init; }

    public string? DiscoveryArn { get; init; }
}
