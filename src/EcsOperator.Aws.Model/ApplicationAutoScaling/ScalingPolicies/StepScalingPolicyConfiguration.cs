using System.ComponentModel.DataAnnotations;

namespace EcsOperator.Aws.Model.ApplicationAutoScaling;

/// <summary>
/// Represents a step scaling policy configuration to use with Application Auto Scaling. For more information, see
/// Step scaling policies in the Application Auto Scaling User Guide .
/// </summary>
public sealed record StepScalingPolicyConfiguration
{
    /// <summary>
    /// Specifies how the ScalingAdjustment value in a StepAdjustment is interpreted (for example, an absolute
    /// number or a percentage).
    /// </summary>
    [AllowedValues("ChangeInCapacity", "PercentChangeInCapacity", "ExactCapacity")]
    public string? AdjustmentType { get; init; }

    /// <summary>
    /// A set of adjustments that enable you to scale based on the size of the alarm breach. At least one step
    /// adjustment is required if you are adding a new step scaling policy configuration.
    /// </summary>
    public IReadOnlyList<StepAdjustment>? StepAdjustments { get; init; }

    /// <summary>
    /// The minimum value to scale by when the adjustment type is PercentChangeInCapacity. For example, suppose that
    /// you create a step scaling policy to scale out an Amazon ECS service by 25 percent and you specify a
    /// MinAdjustmentMagnitude of 2.
    /// </summary>
    public int? MinAdjustmentMagnitude { get; init; }

    /// <summary>
    /// The amount of time, in seconds, to wait for a previous scaling activity to take effect. If not specified,
    /// the default value is 300.
    /// </summary>
    public int? Cooldown { get; init; }

    /// <summary>
    /// The aggregation type for the CloudWatch metrics. Valid values are Minimum, Maximum, and Average.
    /// </summary>
    [AllowedValues("Average", "Minimum", "Maximum")]
    public string? MetricAggregationType { get; init; }
}
