using EcsOperator.Api.Shared;
using EcsOperator.Aws.Transport;
using EcsOperator.Core.Conditions;

namespace EcsOperator.Reconcilers.Managed;

/// <summary>
/// An AWS error as a reconcile state, for every kind: <see cref="AwsErrorClassifier.Explain"/> decides retry or
/// stall and the message; this only names the condition reason of each cause.
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
}
