using System.ComponentModel.DataAnnotations;
using EcsOperator.Api.Crds;
using EcsOperator.Aws.Model;
using EcsOperator.Aws.Model.ApplicationAutoScaling;

namespace EcsOperator.Api.Services;

/// <summary>A target-tracking scaling policy: Application Auto Scaling adds or removes tasks to keep a metric at targetValue.</summary>
[CelRule("has(self.predefinedMetric) != has(self.customizedMetricSpecification)",
    "set exactly one of predefinedMetric and customizedMetricSpecification")]
[CelRule("!has(self.predefinedMetric) || self.predefinedMetric != 'ALBRequestCountPerTarget' || has(self.resourceLabel)",
    "predefinedMetric ALBRequestCountPerTarget needs resourceLabel (app/<load-balancer>/<id>/targetgroup/<target-group>/<id>)")]
public sealed record TargetTrackingPolicy
{
    /// <summary>The policy name, unique within the service's policies.</summary>
    [Required]
    [SchemaLength(1, 256)]
    public required string Name { get; init; }

    /// <summary>
    /// The ECS predefined metric: ECSServiceAverageCPUUtilization, ECSServiceAverageMemoryUtilization or
    /// ALBRequestCountPerTarget (which needs resourceLabel).
    /// </summary>
    [AllowedValues("ECSServiceAverageCPUUtilization", "ECSServiceAverageMemoryUtilization", "ALBRequestCountPerTarget")]
    [SchemaMaxLength(64)]
    public string? PredefinedMetric { get; init; }

    /// <summary>
    /// For ALBRequestCountPerTarget: the load balancer and target group, as
    /// app/&lt;load-balancer-name&gt;/&lt;load-balancer-id&gt;/targetgroup/&lt;target-group-name&gt;/&lt;target-group-id&gt;.
    /// </summary>
    [SchemaLength(1, 1023)]
    public string? ResourceLabel { get; init; }

    /// <summary>A CloudWatch metric of your own to track instead of a predefined one.</summary>
    public CustomizedMetricSpecification? CustomizedMetricSpecification { get; init; }

    /// <summary>The value to keep the metric at (e.g. 60 for 60% CPU).</summary>
    [Required]
    public required double TargetValue { get; init; }

    /// <summary>Seconds after a scale-in activity before another scale-in may start.</summary>
    [Range(0, int.MaxValue)]
    public int? ScaleInCooldown { get; init; }

    /// <summary>Seconds to wait for a scale-out activity to take effect before scaling out again.</summary>
    [Range(0, int.MaxValue)]
    public int? ScaleOutCooldown { get; init; }

    /// <summary>When true the policy never removes tasks (scale-in is left to other policies or people).</summary>
    public bool? DisableScaleIn { get; init; }
}
