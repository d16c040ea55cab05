namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// The response of the <c>RunTask</c> operation.
/// </summary>
public sealed record RunTaskResponse
{
    public IReadOnlyList<TaskDescription>? Tasks { get; init; }

    public IReadOnlyList<Failure>? Failures { get; init; }
}
