namespace EcsOperator.Aws.Model.ApplicationAutoScaling;

/// <summary>
/// Represents a scalable target.
/// </summary>
public sealed record ScalableTarget
{
    public string? ServiceNamespace { get; init; }

    public string? ResourceId { get; init; }

    public string? ScalableDimension { get; init; }

    public int? MinCapacity { get; init; }

    public int? MaxCapacity { get; init; }

    public int? PredictedCapacity { get; init; }

    public string? RoleARN { get; init; }

    public DateTimeOffset? CreationTime { get; init; }

    public SuspendedState? SuspendedState { get; init; }

    public string? ScalableTargetARN { get; init; }
}
