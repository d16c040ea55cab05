namespace EcsOperator.Aws.Model.ApplicationAutoScaling;

/// <summary>
/// Represents a scaling policy to use with Application Auto Scaling.
/// </summary>
public sealed record ScalingPolicy
{
    public string? PolicyARN { get; init; }

    public string? PolicyName { get; init; }

    public string? ServiceNamespace { get; init; }

    public string? ResourceId { get; init; }

    public string? ScalableDimension { get; init; }

    public string? PolicyType { get; init; }

    public StepScalingPolicyConfiguration? StepScalingPolicyConfiguration { get; init; }

    public TargetTrackingScalingPolicyConfiguration? TargetTrackingScalingPolicyConfiguration { get; init; }

    public PredictiveScalingPolicyConfiguration? PredictiveScalingPolicyConfiguration { get; init; }

    public IReadOnlyList<Alarm>? Alarms { get; init; }

    public DateTimeOffset? CreationTime { get; init; }
}
