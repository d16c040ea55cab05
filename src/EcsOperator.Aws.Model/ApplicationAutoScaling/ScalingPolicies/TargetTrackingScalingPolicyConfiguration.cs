using System.ComponentModel.DataAnnotations;

namespace EcsOperator.Aws.Model.ApplicationAutoScaling;

/// <summary>
/// Represents a target tracking scaling policy configuration to use with Application Auto Scaling.
/// </summary>
public sealed record TargetTrackingScalingPolicyConfiguration
{
    /// <summary>
    /// The target value for the metric. Although this property accepts numbers of type Double, it won't accept
    /// values that are either too small or too large.
    /// </summary>
    [Required]
    public double? TargetValue { get; init; }

    /// <summary>
    /// A predefined metric. You can specify either a predefined metric or a customized metric.
    /// </summary>
    public PredefinedMetricSpecification? PredefinedMetricSpecification { get; init; }

    /// <summary>
    /// A customized metric. You can specify either a predefined metric or a customized metric.
    /// </summary>
    public CustomizedMetricSpecification? CustomizedMetricSpecification { get; init; }

    /// <summary>
    /// The amount of time, in seconds, to wait for a previous scale-out activity to take effect. For more
    /// information and for default values, see Define cooldown periods in the Application Auto Scaling User Guide .
    /// </summary>
    public int? ScaleOutCooldown { get; init; }

    /// <summary>
    /// The amount of time, in seconds, after a scale-in activity completes before another scale-in activity can
    /// start. For more information and for default values, see Define cooldown periods in the Application Auto
    /// Scaling User Guide .
    /// </summary>
    public int? ScaleInCooldown { get; init; }

    /// <summary>
    /// Indicates whether scale in by the target tracking scaling policy is disabled. If the value is true, scale in
    /// is disabled and the target tracking scaling policy won't remove capacity from the scalable target. The
    /// default value is false.
    /// </summary>
    public bool? DisableScaleIn { get; init; }
}
