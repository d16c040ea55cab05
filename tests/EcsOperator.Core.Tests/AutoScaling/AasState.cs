using EcsOperator.Aws.Model.ApplicationAutoScaling;
using EcsOperator.Core.AutoScaling;

namespace EcsOperator.Core.Tests.AutoScaling;

/// <summary>
/// A service's live Application Auto Scaling state, and what AAS makes of a plan's calls: ARNs, creation times and
/// alarms added, DisableScaleIn spelled out, PutScheduledAction keeping the members an update leaves out, and
/// DeregisterScalableTarget taking the target's policies and actions with it.
/// </summary>
internal sealed record AasState(ScalableTarget? Target, IReadOnlyList<ScalingPolicy> Policies, IReadOnlyList<ScheduledAction> Actions)
{
    private const string Prefix = "arn:aws:autoscaling:eu-west-1:123456789012";
    private static readonly DateTimeOffset Created = new(2026, 11, 1, 8, 0, 0, TimeSpan.Zero);

    public static AasState Empty { get; } = new(null, [], []);

    public AutoScalingPlan Plan(EcsOperator.Api.Services.ServiceAutoScaling? desired) =>
        AutoScalingPlanner.Plan(desired, "prod", "web", Target, Policies, Actions, new Dictionary<string, string> { ["ecs.operator.dev/owner"] = "c/shop/web" });

    public AasState Apply(AutoScalingPlan plan)
    {
        var state = this;
        foreach (var request in plan.InExecutionOrder)
        {
            state = request switch
            {
                RegisterScalableTargetRequest r => state with
                {
                    Target = (state.Target ?? new ScalableTarget
                    {
                        ServiceNamespace = r.ServiceNamespace,
                        ResourceId = r.ResourceId,
                        ScalableDimension = r.ScalableDimension,
                        RoleARN = "arn:aws:iam::123456789012:role/aws-service-role/ecs.application-autoscaling.amazonaws.com/AWSServiceRoleForApplicationAutoScaling_ECSService",
                        CreationTime = Created,
                        SuspendedState = new SuspendedState { DynamicScalingInSuspended = false, DynamicScalingOutSuspended = false, ScheduledScalingSuspended = false },
                        ScalableTargetARN = $"{Prefix}:scalable-target/0ec5d1b2a3c4e5f6",
                    }) with { MinCapacity = r.MinCapacity ?? state.Target?.MinCapacity, MaxCapacity = r.MaxCapacity ?? state.Target?.MaxCapacity },
                },
                PutScalingPolicyRequest r => RequireTarget(state) with
                {
                    Policies = state.Policies.Where(p => p.PolicyName != r.PolicyName).Append(Described(r)).ToList(),
                },
                DeleteScalingPolicyRequest r => state with
                {
                    Policies = state.Policies.Any(p => p.PolicyName == r.PolicyName)
                        ? state.Policies.Where(p => p.PolicyName != r.PolicyName).ToList()
                        : throw new InvalidOperationException($"ObjectNotFoundException: no policy {r.PolicyName}"),
                },
                PutScheduledActionRequest r => RequireTarget(state) with
                {
                    Actions = state.Actions.Where(a => a.ScheduledActionName != r.ScheduledActionName)
                        .Append(Merged(state.Actions.FirstOrDefault(a => a.ScheduledActionName == r.ScheduledActionName), r)).ToList(),
                },
                DeleteScheduledActionRequest r => state with
                {
                    Actions = state.Actions.Any(a => a.ScheduledActionName == r.ScheduledActionName)
                        ? state.Actions.Where(a => a.ScheduledActionName != r.ScheduledActionName).ToList()
                        : throw new InvalidOperationException($"ObjectNotFoundException: no scheduled action {r.ScheduledActionName}"),
                },
                DeregisterScalableTargetRequest => state.Policies.Count > 0 || state.Actions.Count > 0
                    ? throw new InvalidOperationException("the plan deregistered the target before deleting what is on it")
                    : state with { Target = null },
                _ => throw new InvalidOperationException($"unexpected request {request}"),
            };
        }

        return state;
    }

    private static AasState RequireTarget(AasState state) =>
        state.Target is null ? throw new InvalidOperationException("ValidationException: no scalable target registered") : state;

    private static ScalingPolicy Described(PutScalingPolicyRequest r) => new()
    {
        PolicyARN = $"{Prefix}:scalingPolicy:0ec5-1234:resource/ecs/{r.ResourceId}:policyName/{r.PolicyName}",
        PolicyName = r.PolicyName,
        ServiceNamespace = r.ServiceNamespace,
        ResourceId = r.ResourceId,
        ScalableDimension = r.ScalableDimension,
        PolicyType = r.PolicyType,
        StepScalingPolicyConfiguration = r.StepScalingPolicyConfiguration,
        TargetTrackingScalingPolicyConfiguration = r.TargetTrackingScalingPolicyConfiguration is { } tt
            ? tt with { DisableScaleIn = tt.DisableScaleIn ?? false }
            : null,
        Alarms = r.PolicyType == PolicyType.TargetTrackingScaling
            ?
            [
                new Alarm { AlarmName = $"TargetTracking-{r.ResourceId}-AlarmHigh-1", AlarmARN = "arn:aws:cloudwatch:eu-west-1:123456789012:alarm:TargetTracking-high" },
                new Alarm { AlarmName = $"TargetTracking-{r.ResourceId}-AlarmLow-1", AlarmARN = "arn:aws:cloudwatch:eu-west-1:123456789012:alarm:TargetTracking-low" },
            ]
            : null,
        CreationTime = Created,
    };

    /// <summary>PutScheduledAction on an existing action keeps every member the request leaves out.</summary>
    private static ScheduledAction Merged(ScheduledAction? existing, PutScheduledActionRequest r) => new()
    {
        ScheduledActionName = r.ScheduledActionName,
        ScheduledActionARN = existing?.ScheduledActionARN ?? $"{Prefix}:scheduledAction:77a1:resource/ecs/{r.ResourceId}:scheduledActionName/{r.ScheduledActionName}",
        ServiceNamespace = r.ServiceNamespace,
        ResourceId = r.ResourceId,
        ScalableDimension = r.ScalableDimension,
        Schedule = r.Schedule ?? existing?.Schedule,
        Timezone = r.Timezone ?? existing?.Timezone ?? "UTC",
        StartTime = r.StartTime ?? existing?.StartTime,
        EndTime = r.EndTime ?? existing?.EndTime,
        ScalableTargetAction = new ScalableTargetAction
        {
            MinCapacity = r.ScalableTargetAction?.MinCapacity ?? existing?.ScalableTargetAction?.MinCapacity,
            MaxCapacity = r.ScalableTargetAction?.MaxCapacity ?? existing?.ScalableTargetAction?.MaxCapacity,
        },
        CreationTime = existing?.CreationTime ?? Created,
    };
}
