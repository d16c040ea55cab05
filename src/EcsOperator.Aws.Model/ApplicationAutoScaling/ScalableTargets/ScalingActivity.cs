namespace EcsOperator.Aws.Model.ApplicationAutoScaling;

/// <summary>
/// Represents a scaling activity.
/// </summary>
public sealed record ScalingActivity
{
    public string? ActivityId { get; init; }

    public string? ServiceNamespace { get; init; }

    public string? ResourceId { get; init; }

    public string? ScalableDimension { get; init; }

    public string? Description { get; init; }

    public string? Cause { get; init; }

    public DateTimeOffset? StartTime { get; init; }

    public DateTimeOffset? EndTime { get; init; }

    public string? StatusCode { get; init; }

    public string? StatusMessage { get; init; }

    public string? Details { get; init; }

    public IReadOnlyList<NotScaledReason>? NotScaledReasons { get; init; }
}
