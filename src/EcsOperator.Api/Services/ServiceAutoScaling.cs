using System.ComponentModel.DataAnnotations;
using EcsOperator.Api.Crds;
using EcsOperator.Aws.Model;

namespace EcsOperator.Api.Services;

/// <summary>
/// The service's Application Auto Scaling: a scalable target on ecs:service:DesiredCount with its policies and
/// scheduled actions, all owned by the operator.
/// </summary>
[CelRule("self.minCapacity <= self.maxCapacity", "minCapacity must not exceed maxCapacity")]
[CelRule("(has(self.targetTracking) ? size(self.targetTracking) : 0) + (has(self.stepScaling) ? size(self.stepScaling) : 0) <= 50",
    "at most 50 scaling policies (targetTracking and stepScaling together) per scalable target")]
public sealed record ServiceAutoScaling
{
    /// <summary>The fewest tasks the autoscaler may set.</summary>
    [Required]
    [Range(0, int.MaxValue)]
    public required int MinCapacity { get; init; }

    /// <summary>The most tasks the autoscaler may set.</summary>
    [Required]
    [Range(0, int.MaxValue)]
    public required int MaxCapacity { get; init; }

    /// <summary>Target-tracking policies (identified by name): keep a metric at a target value.</summary>
    [SchemaMaxLength(50)]
    [ListKey("name")]
    public IReadOnlyList<TargetTrackingPolicy>? TargetTracking { get; init; }

    /// <summary>
    /// Step scaling policies (identified by name), triggered by CloudWatch alarms you create; their ARNs are in
    /// status.autoScaling.policyArns.
    /// </summary>
    [SchemaMaxLength(50)]
    [ListKey("name")]
    public IReadOnlyList<StepScalingPolicy>? StepScaling { get; init; }

    /// <summary>Scheduled actions (identified by name) that change minCapacity/maxCapacity at given times.</summary>
    [SchemaMaxLength(200)]
    [ListKey("name")]
    public IReadOnlyList<ScheduledScaling>? Scheduled { get; init; }
}
