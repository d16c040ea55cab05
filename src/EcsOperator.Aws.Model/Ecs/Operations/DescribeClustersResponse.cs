namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// The response of the <c>DescribeClusters</c> operation.
/// </summary>
public sealed record DescribeClustersResponse
{
    public IReadOnlyList<Cluster>? Clusters { get; init; }

    public IReadOnlyList<Failure>? Failures { get; init; }
}
