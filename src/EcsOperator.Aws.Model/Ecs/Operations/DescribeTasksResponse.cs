namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// The response of the <c>DescribeTasks</c> operation.
/// </summary>
public sealed record DescribeTasksResponse
{
    public IReadOnlyList<TaskDescription>? Tasks { get; init; }

    public IReadOnlyList<Failure>? Failures { get; init; }
}
