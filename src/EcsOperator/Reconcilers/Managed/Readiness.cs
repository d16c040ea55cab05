using EcsOperator.Api.Shared;
using EcsOperator.Core.Conditions;
using EcsOperator.Kubernetes.Model;

namespace EcsOperator.Reconcilers.Managed;

/// <summary>The one readiness rule: Ready=True, observed for the object's current generation.</summary>
public static class Readiness
{
    /// <summary>
    /// Whether status says the current generation was applied (Ready for it): what dependants wait for, and what
    /// tells drift (the applied spec is still the spec) from an update.
    /// </summary>
    public static bool IsReadyForGeneration(ObjectMeta metadata, IEcsStatus? status)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        return status is not null
            && status.ObservedGeneration == metadata.Generation
            && ConditionSet.Find(status.Conditions, ConditionTypes.Ready) is { Status: ConditionStatus.True } ready
            && ready.ObservedGeneration == metadata.Generation;
    }

    /// <summary>
    /// Whether the object's own controller has written status for its current generation (whatever it said): until
    /// then a dependant can only guess, and the first such write is news to it.
    /// </summary>
    public static bool IsObservedForGeneration(ObjectMeta metadata, IEcsStatus? status)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        return status is not null && status.ObservedGeneration == metadata.Generation;
    }

    /// <summary>
    /// What a reference watch compares to decide whether a dependant waiting on the object must look again: Ready for
    /// its generation; observed for it at all (a dependant waits without a word until the object's controller has
    /// written status for its generation, so that first write, whatever it says, must wake it); and the reason it is
    /// Stalled for it (a dependant's message names a reference stuck on its spec: <see cref="ReferenceResolver"/>).
    /// </summary>
    public static (bool Ready, bool Observed, string? StalledReason) ForDependants(ObjectMeta metadata, IEcsStatus? status) =>
        (IsReadyForGeneration(metadata, status), IsObservedForGeneration(metadata, status), StalledForGeneration(metadata, status)?.Reason);

    /// <summary>
    /// The Stalled condition when status says the current generation is stuck (a human must act), else null: what a
    /// dependant names instead of waiting silently on an old revision or name.
    /// </summary>
    public static Condition? StalledForGeneration(ObjectMeta metadata, IEcsStatus? status)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        return ConditionSet.Find(status?.Conditions, ConditionTypes.Stalled) is { Status: ConditionStatus.True } stalled
            && stalled.ObservedGeneration == metadata.Generation ? stalled : null;
    }
}
