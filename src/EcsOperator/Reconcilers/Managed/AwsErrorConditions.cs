using EcsOperator.Api.Shared;
using EcsOperator.Aws.Principals;
using EcsOperator.Aws.Transport;
using EcsOperator.Core.Conditions;

namespace EcsOperator.Reconcilers.Managed;

/// <summary>
/// An AWS error as a reconcile state, for every kind: <see cref="AwsErrorClassifier.Explain"/> decides retry or
/// stall and the message; this only names the condition reason of each cause. A namespace refused any AWS principal
/// maps here too (Stalled, Forbidden).
/// </summary>
public static class AwsErrorConditions
{
    /// <summary>Retrying (the work queue backs off) or Stalled (looked at again at the next resync or spec change).</summary>
    public static ReconcileState State(AwsErrorExplanation explained)
    {
        ArgumentNullException.ThrowIfNull(explained);
        return explained.Retry
            ? new ReconcileState.Retrying(explained.Message)
            : new ReconcileState.Stalled(explained.Cause switch
            {
                AwsErrorCause.AccessDenied => ConditionReasons.AccessDenied,
                AwsErrorCause.DependencyNotFound => ConditionReasons.DependencyNotFound,
                _ => ConditionReasons.InvalidSpec,
            }, explained.Message);
    }

    /// <summary>
    /// Stalled, Forbidden: the namespace may use no AWS principal (<c>--tenancy=strict</c> without a role, or an
    /// ambiguous policy). Nothing reached AWS; looked at again at the next resync, when a policy may have been added.
    /// </summary>
    public static ReconcileState.Stalled State(NamespacePrincipalRefusedException refused)
    {
        ArgumentNullException.ThrowIfNull(refused);
        return new ReconcileState.Stalled(ConditionReasons.Forbidden, refused.Message);
    }
}
