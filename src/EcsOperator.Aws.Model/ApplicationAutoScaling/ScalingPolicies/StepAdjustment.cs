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
    /// Lower bound of the step, as a difference from the alarm threshold (inclusive when above the threshold);
    /// omitted means negative infinity.
    /// </summary>
    public double? MetricIntervalLowerBound { get; init; }

    /// <summary>
    /// Upper bound of the step, as a difference from the alarm threshold (exclusive when above the threshold);
    /// omitted means positive infinity.
    /// </summary>
    public double? MetricIntervalUpperBound { get; init; }

    /// <summary>
    /// How much to scale by when the metric falls in this step; positive adds capacity, negative removes it.
    /// </summary>
    [Required]
    public int? ScalingAdjustment { get; init; }
}
