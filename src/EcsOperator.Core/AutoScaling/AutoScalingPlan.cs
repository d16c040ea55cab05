using EcsOperator.Aws.Model.ApplicationAutoScaling;

namespace EcsOperator.Core.AutoScaling;

/// <summary>
/// The Application Auto Scaling calls that bring a service's live scaling configuration to its spec. Run them in
/// <see cref="InExecutionOrder"/>: the target first (policies need it), deletions before puts (a scheduled action
/// that must lose a field is deleted and put again), and a deregistration last, after everything on the target is gone.
/// </summary>
public sealed record AutoScalingPlan
{
    /// <summary>Register (create, or change min/max of) the scalable target; null when it is as the spec says.</summary>
    public RegisterScalableTargetRequest? RegisterScalableTarget { get; init; }

    /// <summary>Policies that are new or differ from the spec.</summary>
    public IReadOnlyList<PutScalingPolicyRequest> PutScalingPolicies { get; init; } = [];

    /// <summary>Live policies the spec no longer has.</summary>
    public IReadOnlyList<DeleteScalingPolicyRequest> DeleteScalingPolicies { get; init; } = [];

    /// <summary>Scheduled actions that are new or differ from the spec.</summary>
    public IReadOnlyList<PutScheduledActionRequest> PutScheduledActions { get; init; } = [];

    /// <summary>Live scheduled actions the spec no longer has, or that must be recreated to drop a field.</summary>
    public IReadOnlyList<DeleteScheduledActionRequest> DeleteScheduledActions { get; init; } = [];

    /// <summary>Deregister the scalable target: the spec removed autoScaling but a target is registered.</summary>
    public DeregisterScalableTargetRequest? DeregisterScalableTarget { get; init; }

    /// <summary>The names of what differs (for the Drifted condition and events), e.g. <c>policy/cpu</c>.</summary>
    public IReadOnlyList<string> Differences { get; init; } = [];

    /// <summary>Whether the live configuration matches the spec: nothing to call.</summary>
    public bool IsInSync =>
        RegisterScalableTarget is null && DeregisterScalableTarget is null && PutScalingPolicies.Count == 0
        && DeleteScalingPolicies.Count == 0 && PutScheduledActions.Count == 0 && DeleteScheduledActions.Count == 0;

    /// <summary>Every request of the plan in the order to send them.</summary>
    public IReadOnlyList<object> InExecutionOrder =>
        new object?[] { RegisterScalableTarget }
            .Concat(DeleteScalingPolicies)
            .Concat(DeleteScheduledActions)
            .Concat(PutScalingPolicies)
            .Concat(PutScheduledActions)
            .Append(DeregisterScalableTarget)
            .OfType<object>()
            .ToList();
}
