using EcsOperator.Api.Services;
using EcsOperator.Aws.Model.ApplicationAutoScaling;

namespace EcsOperator.Core.AutoScaling;

/// <summary>Turns <c>spec.autoScaling</c> into the Application Auto Scaling requests it stands for.</summary>
public static class AutoScalingTranslator
{
    /// <summary>
    /// RegisterScalableTarget for the service. Tags are only honoured when the target is created (AAS tags existing
    /// targets through TagResource), so pass the owner tag on create and null otherwise.
    /// </summary>
    public static RegisterScalableTargetRequest ToRegisterRequest(ServiceAutoScaling desired, ServiceScalableTarget target, IReadOnlyDictionary<string, string>? tags) =>
        new()
        {
            ServiceNamespace = ServiceScalableTarget.Namespace,
            ResourceId = target.ResourceId,
            ScalableDimension = ServiceScalableTarget.Dimension,
            MinCapacity = desired.MinCapacity,
            MaxCapacity = desired.MaxCapacity,
            Tags = tags is { Count: > 0 } ? tags : null,
        };

    /// <summary>One PutScalingPolicy per target-tracking and step scaling policy, in spec order.</summary>
    public static IReadOnlyList<PutScalingPolicyRequest> ToPolicyRequests(ServiceAutoScaling desired, ServiceScalableTarget target) =>
        (desired.TargetTracking ?? []).Select(p => ToPolicyRequest(p, target))
            .Concat((desired.StepScaling ?? []).Select(p => ToPolicyRequest(p, target)))
            .ToList();

    /// <summary>PutScalingPolicy for a target-tracking policy.</summary>
    public static PutScalingPolicyRequest ToPolicyRequest(TargetTrackingPolicy policy, ServiceScalableTarget target) =>
        new()
        {
            PolicyName = policy.Name,
            ServiceNamespace = ServiceScalableTarget.Namespace,
            ResourceId = target.ResourceId,
            ScalableDimension = ServiceScalableTarget.Dimension,
            PolicyType = PolicyType.TargetTrackingScaling,
            TargetTrackingScalingPolicyConfiguration = new TargetTrackingScalingPolicyConfiguration
            {
                TargetValue = policy.TargetValue,
                PredefinedMetricSpecification = policy.PredefinedMetric is null
                    ? null
                    : new PredefinedMetricSpecification { PredefinedMetricType = policy.PredefinedMetric, ResourceLabel = policy.ResourceLabel },
                CustomizedMetricSpecification = policy.CustomizedMetricSpecification,
                ScaleInCooldown = policy.ScaleInCooldown,
                ScaleOutCooldown = policy.ScaleOutCooldown,
                DisableScaleIn = policy.DisableScaleIn,
            },
        };

    /// <summary>PutScalingPolicy for a step scaling policy: the configuration is passed as given.</summary>
    public static PutScalingPolicyRequest ToPolicyRequest(StepScalingPolicy policy, ServiceScalableTarget target) =>
        new()
        {
            PolicyName = policy.Name,
            ServiceNamespace = ServiceScalableTarget.Namespace,
            ResourceId = target.ResourceId,
            ScalableDimension = ServiceScalableTarget.Dimension,
            PolicyType = PolicyType.StepScaling,
            StepScalingPolicyConfiguration = policy.StepScalingPolicyConfiguration,
        };

    /// <summary>One PutScheduledAction per scheduled action, in spec order.</summary>
    public static IReadOnlyList<PutScheduledActionRequest> ToScheduledActionRequests(ServiceAutoScaling desired, ServiceScalableTarget target) =>
        (desired.Scheduled ?? []).Select(s => ToScheduledActionRequest(s, target)).ToList();

    /// <summary>PutScheduledAction for a scheduled action.</summary>
    public static PutScheduledActionRequest ToScheduledActionRequest(ScheduledScaling scheduled, ServiceScalableTarget target) =>
        new()
        {
            ServiceNamespace = ServiceScalableTarget.Namespace,
            ScheduledActionName = scheduled.Name,
            ResourceId = target.ResourceId,
            ScalableDimension = ServiceScalableTarget.Dimension,
            Schedule = scheduled.Schedule,
            Timezone = scheduled.Timezone,
            StartTime = scheduled.StartTime,
            EndTime = scheduled.EndTime,
            ScalableTargetAction = new ScalableTargetAction { MinCapacity = scheduled.MinCapacity, MaxCapacity = scheduled.MaxCapacity },
        };
}
