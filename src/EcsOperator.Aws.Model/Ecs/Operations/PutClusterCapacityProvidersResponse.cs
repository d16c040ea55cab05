namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// The response of the <c>PutClusterCapacityProviders</c> operation.
/// </summary>
public sealed record PutClusterCapacityProvidersResponse
{
    public Cluster? Cluster { get; init; }
}
