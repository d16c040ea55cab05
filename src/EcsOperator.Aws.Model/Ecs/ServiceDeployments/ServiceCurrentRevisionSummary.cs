namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// The summary of the current service revision configuration.
/// </summary>
public sealed record ServiceCurrentRevisionSummary
{
    public string? Arn { get; init; }

    public int? RequestedTaskCount { get; init; }

    public int? RunningTaskCount { get; init; }

    public int? PendingTaskCount { get; init; }
}
