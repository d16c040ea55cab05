namespace EcsOperator.Aws.Model.ApplicationAutoScaling;

/// <summary>
/// Represents a scheduled action.
/// </summary>
public sealed record ScheduledAction
{
    public string? ScheduledActionName { get; init; }

    public string? ScheduledActionARN { get; init; }

    public string? ServiceNamespace { get; init; }

    public string? Schedule { get; init; }

    public string? Timezone { get; init; }

    public string? ResourceId { get; init; }

    public string? ScalableDimension { get; init; }

    public DateTimeOffset? StartTime { get; init; }

    public DateTimeOffset? EndTime { get; init; }

    public ScalableTargetAction? ScalableTargetAction { get; init; }

    public DateTimeOffset? CreationTime { get; init; }
}
