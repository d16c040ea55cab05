using System.ComponentModel.DataAnnotations;

namespace EcsOperator.Aws.Model.ApplicationAutoScaling;

/// <summary>
/// Represents a target tracking scaling policy configuration to use with Application Auto Scaling.
/// </summary>
public sealed record TargetTrackingScalingPolicyConfiguration
{
    /// <summary>
    /// The metric value the policy keeps the service at, for example 50 (percent) for
    /// ECSServiceAverageCPUUtilization.
    /// </summary>
    [Required]
    public double? TargetValue { get; init; }

    /// <summary>
    /// A predefined metric such as ECSServiceAverageCPUUtilization; set either this or
    /// customizedMetricSpecification.
    /// </summary>
    public PredefinedMetricSpecification? PredefinedMetricSpecification { get; init; }

    /// <summary>
    /// A CloudWatch metric (or metric math expression) of your own; set either this or
    /// predefinedMetricSpecification.
    /// </summary>
    public CustomizedMetricSpecification? CustomizedMetricSpecification { get; init; }

    /// <summary>
    /// Seconds after a scale-out during which further scale-out uses the already added capacity in its calculation.
    /// ECS default: 300.
    /// </summary>
    public int? ScaleOutCooldown { get; init; }

    /// <summary>
    /// Seconds after a scale-in before another scale-in may start. ECS default: 300.
    /// </summary>
    public int? ScaleInCooldown { get; init; }

    /// <summary>
    /// When true the policy only adds capacity and never removes it. Defaults to false.
    /// </summary>
    public bool? DisableScaleIn { get; init; }
}
