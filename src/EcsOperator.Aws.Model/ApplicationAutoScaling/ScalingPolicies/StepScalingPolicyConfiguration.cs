using System.ComponentModel.DataAnnotations;

namespace EcsOperator.Aws.Model.ApplicationAutoScaling;

/// <summary>
/// Represents a step scaling policy configuration to use with Application Auto Scaling. For more information, see
/// Step scaling policies in the Application Auto Scaling User Guide .
/// </summary>
public sealed record StepScalingPolicyConfiguration
{
    /// <summary>
    /// How scalingAdjustment is read: ChangeInCapacity (add or remove tasks), PercentChangeInCapacity or
    /// ExactCapacity.
    /// </summary>
    [AllowedValues("ChangeInCapacity", "PercentChangeInCapacity", "ExactCapacity")]
    public string? AdjustmentType { get; init; }

    /// <summary>
    /// A set of adjustments that enable you to scale based on the size of the alarm breach. At least one step
    /// adjustment is required if you are adding a new step scaling policy configuration.
    /// </summary>
    public IReadOnlyList<StepAdjustment>? StepAdjustments { get; init; }

    /// <summary>
    /// With PercentChangeInCapacity, the smallest number of tasks a step changes capacity by.
    /// </summary>
    public int? MinAdjustmentMagnitude { get; init; }

    /// <summary>
    /// Seconds to wait after a scaling activity before this policy may scale again. The default is 300.
    /// </summary>
    public int? Cooldown { get; init; }

    /// <summary>
    /// How the alarm metric data points are aggregated: Average (the default), Minimum or Maximum.
    /// </summary>
    [AllowedValues("Average", "Minimum", "Maximum")]
    public string? MetricAggregationType { get; init; }
}
