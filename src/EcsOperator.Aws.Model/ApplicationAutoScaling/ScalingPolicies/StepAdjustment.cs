using System.ComponentModel.DataAnnotations;

namespace EcsOperator.Aws.Model.ApplicationAutoScaling;

/// <summary>
/// Represents a step adjustment for a StepScalingPolicyConfiguration . Describes an adjustment based on the
/// difference between the value of the aggregated CloudWatch metric and the breach threshold that you've defined
/// for the alarm.
/// </summary>
public sealed record StepAdjustment
{
    /// <summary>
    /// The lower bound for the difference between the alarm threshold and the CloudWatch metric. If the metric
    /// value is above the breach threshold, the lower bound is inclusive (the metric must be greater than or equal
    /// to the threshold plus the lower bound).
    /// </summary>
    public double? MetricIntervalLowerBound { get; init; }

    /// <summary>
    /// The upper bound for the difference between the alarm threshold and the CloudWatch metric. If the metric
    /// value is above the breach threshold, the upper bound is exclusive (the metric must be less than the
    /// threshold plus the upper bound).
    /// </summary>
    public double? MetricIntervalUpperBound { get; init; }

    /// <summary>
    /// The amount by which to scale, based on the specified adjustment type. A positive value adds to the current
    /// capacity while a negative number removes from the current capacity.
    /// </summary>
    [Required]
    public int? ScalingAdjustment { get; init; }
}
