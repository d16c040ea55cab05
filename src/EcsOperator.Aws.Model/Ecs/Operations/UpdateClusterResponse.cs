namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// The response of the <c>UpdateCluster</c> operation.
/// </summary>
public sealed record UpdateClusterResponse
{
    public Cluster? Cluster { get; init; }
}
