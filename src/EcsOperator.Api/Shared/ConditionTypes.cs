namespace EcsOperator.Api.Shared;

/// <summary>
/// The condition types every kind reports (kstatus-compatible, so Flux, Argo CD and <c>kubectl wait</c> work unmodified).
/// </summary>
public static class ConditionTypes
{
    /// <summary>AWS matches the spec of <c>observedGeneration</c>; for services the newest deployment is COMPLETED and running == desired.</summary>
    public const string Ready = "Ready";

    /// <summary>The operator is still acting or waiting on AWS (a rollout, a DRAINING delete, a retried error).</summary>
    public const string Reconciling = "Reconciling";

    /// <summary>It cannot progress without a human: fix the spec or permissions.</summary>
    public const string Stalled = "Stalled";

    /// <summary>AWS was changed outside the operator; the message names the fields.</summary>
    public const string Drifted = "Drifted";

    /// <summary>All condition types, in the order they are written to status.</summary>
    public static IReadOnlyList<string> All { get; } = [Ready, Reconciling, Stalled, Drifted];
}
