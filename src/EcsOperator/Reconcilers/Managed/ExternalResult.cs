using EcsOperator.Core.Conditions;

namespace EcsOperator.Reconcilers.Managed;

/// <summary>What an observe, create or update leaves in status, and when to look again.</summary>
/// <param name="Status">The kind's status fields as observed (conditions and observedGeneration are the skeleton's).</param>
/// <param name="State">Ready, Progressing or Stalled, as the kind reads AWS.</param>
/// <param name="RequeueAfter">Look again this soon (e.g. a rollout in progress); null: at the next resync.</param>
public sealed record ExternalResult<TStatus>(Func<TStatus, TStatus> Status, ReconcileState State, TimeSpan? RequeueAfter = null)
    where TStatus : class
{
    /// <summary>
    /// Events the state is news for (a rollout completed or failed), recorded only when this result is the one
    /// written: an observation that is not used announces nothing.
    /// </summary>
    public IReadOnlyList<PendingEvent> Events { get; init; } = [];
}
