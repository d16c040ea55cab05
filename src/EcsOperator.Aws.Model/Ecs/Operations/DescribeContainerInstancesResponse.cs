namespace EcsOperator.Aws.Model.Ecs;

/// <summary>The response of the <c>DescribeContainerInstances</c> operation.</summary>
public sealed record DescribeContainerInstancesResponse
{
    public IReadOnlyList<ContainerInstance>? ContainerInstances { get; init; }

    public IReadOnlyList<Failure>? Failures { get; init; }
}
