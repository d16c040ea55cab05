using EcsOperator.Api.Services;
using EcsOperator.Aws.Model.ApplicationAutoScaling;

namespace EcsOperator.Core.AutoScaling;

/// <summary>Reports the live Application Auto Scaling resources of a service in <c>status.autoScaling</c>.</summary>
public static class AutoScalingStatusCalculator
{
    /// <summary>
    /// The status of the registered target, its policies and scheduled actions (ARNs sorted by name so the status does
    /// not churn); null when no target is registered.
    /// </summary>
    public static AutoScalingStatus? ToStatus(ScalableTarget? liveTarget, IReadOnlyList<ScalingPolicy> livePolicies, IReadOnlyList<ScheduledAction> liveActions)
    {
        ArgumentNullException.ThrowIfNull(livePolicies);
        ArgumentNullException.ThrowIfNull(liveActions);
        if (liveTarget is null)
            return null;
        var policyArns = livePolicies.Where(p => p.PolicyARN is not null)
            .OrderBy(p => p.PolicyName, StringComparer.Ordinal).Select(p => p.PolicyARN!).ToList();
        var actionArns = liveActions.Where(a => a.ScheduledActionARN is not null)
            .OrderBy(a => a.ScheduledActionName, StringComparer.Ordinal).Select(a => a.ScheduledActionARN!).ToList();
        return new AutoScalingStatus
        {
            ScalableTargetArn = liveTarget.ScalableTargetARN,
            MinCapacity = liveTarget.MinCapacity,
            MaxCapacity = liveTarget.MaxCapacity,
            PolicyArns = policyArns.Count == 0 ? null : policyArns,
            ScheduledActionArns = actionArns.Count == 0 ? null : actionArns,
        };
    }
}
