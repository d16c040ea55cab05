namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// The response of the <c>DeleteCluster</c> operation.
/// </summary>
public sealed record DeleteClusterResponse
{
    public Cluster? Cluster { get; init; }
}
