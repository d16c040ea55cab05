using EcsOperator.Api.Shared;
using EcsOperator.Kubernetes.Model;

namespace EcsOperator.Core.Conditions;

/// <summary>
/// Computes the four conditions of the contract from a <see cref="ReconcileState"/>. kstatus reads Reconciling and
/// Stalled as "abnormal-true": they are present only while true, so Flux and <c>kubectl wait</c> see a clean object
/// once it is Ready. Ready is always present. Drifted appears with the first drift and stays, flipping to False once
/// AWS matches again.
/// </summary>
public static class ConditionsCalculator
{
    public static IReadOnlyList<Condition> Compute(
        IReadOnlyList<Condition>? existing,
        ReconcileState state,
        DriftObservation? drift,
        long generation,
        DateTimeOffset now)
    {
        Condition Make(string type, string status, string reason, string message) => new()
        {
            Type = type,
            Status = status,
            Reason = reason,
            Message = message,
            ObservedGeneration = generation,
            LastTransitionTime = now,
        };

        var conditions = existing ?? [];
        switch (state)
        {
            case ReconcileState.Ready ready:
                conditions = ConditionSet.Set(conditions, Make(ConditionTypes.Ready, ConditionStatus.True, ConditionReasons.Available, ready.Message));
                conditions = Without(conditions, ConditionTypes.Reconciling, ConditionTypes.Stalled);
                break;
            case ReconcileState.Progressing progressing:
                // Ready repeats the reasons a user acts on (a rollout under way, tasks ECS cannot place); the rest are Pending.
                var readyReason = progressing.Reason is ConditionReasons.RolloutInProgress or ConditionReasons.TasksNotPlaced ? progressing.Reason : ConditionReasons.Pending;
                conditions = ConditionSet.Set(conditions, Make(ConditionTypes.Ready, ConditionStatus.False, readyReason, progressing.Message));
                conditions = ConditionSet.Set(conditions, Make(ConditionTypes.Reconciling, ConditionStatus.True, progressing.Reason, progressing.Message));
                conditions = Without(conditions, ConditionTypes.Stalled);
                break;
            case ReconcileState.Retrying retrying:
                // A passing error says nothing about whether AWS matches the spec: Ready keeps what it was.
                if (ConditionSet.Find(conditions, ConditionTypes.Ready) is null)
                    conditions = ConditionSet.Set(conditions, Make(ConditionTypes.Ready, ConditionStatus.False, ConditionReasons.Pending, retrying.Message));
                conditions = ConditionSet.Set(conditions, Make(ConditionTypes.Reconciling, ConditionStatus.True, ConditionReasons.RetryingAfterError, retrying.Message));
                conditions = Without(conditions, ConditionTypes.Stalled);
                break;
            case ReconcileState.Stalled stalled:
                conditions = ConditionSet.Set(conditions, Make(ConditionTypes.Ready, ConditionStatus.False, stalled.Reason, stalled.Message));
                conditions = ConditionSet.Set(conditions, Make(ConditionTypes.Stalled, ConditionStatus.True, stalled.Reason, stalled.Message));
                conditions = Without(conditions, ConditionTypes.Reconciling);
                break;
            case ReconcileState.Deleting deleting:
                conditions = ConditionSet.Set(conditions, Make(ConditionTypes.Ready, ConditionStatus.False, ConditionReasons.Deleting, deleting.Message));
                conditions = ConditionSet.Set(conditions, Make(ConditionTypes.Reconciling, ConditionStatus.True, ConditionReasons.Deleting, deleting.Message));
                conditions = Without(conditions, ConditionTypes.Stalled);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(state), state, "unknown reconcile state");
        }

        if (drift is not null)
            conditions = ConditionSet.Set(conditions, DriftCondition(drift, Make));
        return Ordered(conditions);
    }

    private static Condition DriftCondition(DriftObservation drift, Func<string, string, string, string, Condition> make)
    {
        if (drift.Fields.Count == 0)
            return make(ConditionTypes.Drifted, ConditionStatus.False, ConditionReasons.DriftCorrected, "AWS matches the spec");
        var fields = string.Join(", ", drift.Fields);
        return drift.Corrected
            ? make(ConditionTypes.Drifted, ConditionStatus.True, ConditionReasons.DriftCorrected, $"changed outside the operator and set back to the spec: {fields}")
            : make(ConditionTypes.Drifted, ConditionStatus.True, ConditionReasons.DriftReported, $"changed outside the operator (driftPolicy Report leaves it): {fields}");
    }

    private static IReadOnlyList<Condition> Without(IReadOnlyList<Condition> conditions, params string[] types) =>
        conditions.Where(c => !types.Contains(c.Type)).ToList();

    /// <summary>Contract order (Ready, Reconciling, Stalled, Drifted), then anything else as it was.</summary>
    private static IReadOnlyList<Condition> Ordered(IReadOnlyList<Condition> conditions) =>
        conditions.OrderBy(c => Rank(c.Type)).ToList();

    private static int Rank(string type)
    {
        for (var i = 0; i < ConditionTypes.All.Count; i++)
        {
            if (ConditionTypes.All[i] == type)
                return i;
        }

        return int.MaxValue;
    }
}
