namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// The response of the <c>CreateCluster</c> operation.
/// </summary>
public sealed record CreateClusterResponse
{
    public Cluster? Cluster { get; init; }
}
