namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// The response of the <c>StopTask</c> operation.
/// </summary>
public sealed record StopTaskResponse
{
    public TaskDescription? Task { get; init; }
}
