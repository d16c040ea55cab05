namespace EcsOperator.Core.Conditions;

/// <summary>
/// Where a reconcile left an object, in the terms of the conditions contract (DESIGN section 3). The reconciler
/// decides the state; <see cref="ConditionsCalculator"/> turns it into conditions the same way for every kind.
/// </summary>
public abstract record ReconcileState(string Message)
{
    /// <summary>AWS matches the spec (for services: the newest deployment completed, running equals desired).</summary>
    public sealed record Ready(string Message) : ReconcileState(Message);

    /// <summary>The operator is acting or waiting on AWS. <paramref name="Reason"/>: Creating, Updating, RolloutInProgress.</summary>
    public sealed record Progressing(string Reason, string Message) : ReconcileState(Message);

    /// <summary>A retryable error interrupted the reconcile; it will be retried with backoff.</summary>
    public sealed record Retrying(string Message) : ReconcileState(Message);

    /// <summary>It cannot progress without a human. <paramref name="Reason"/> is one of the Stalled reasons.</summary>
    public sealed record Stalled(string Reason, string Message) : ReconcileState(Message);

    /// <summary>The object is being deleted and the operator is cleaning up AWS.</summary>
    public sealed record Deleting(string Message) : ReconcileState(Message);
}
