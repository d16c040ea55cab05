using EcsOperator.Core.Conditions;

namespace EcsOperator.Reconcilers.Managed;

/// <summary>
/// What <see cref="ExternalClient{T,TStatus,TLive}.ObserveAsync"/> found in AWS (crossplane-runtime's
/// ExternalObservation): whether the resource exists, who owns it, how it differs from the spec, and the status it
/// stands for when nothing needs doing.
/// </summary>
public sealed record ExternalObservation<TStatus, TLive>
    where TStatus : class
{
    /// <summary>Nothing exists in AWS for this object: the skeleton calls Create.</summary>
    public static ExternalObservation<TStatus, TLive> Missing { get; } = new() { Exists = false };

    public bool Exists { get; init; } = true;

    /// <summary>The owner tag on the live resource; null when it carries none (adoptable under adoptionPolicy Adopt).</summary>
    public string? OwnerTag { get; init; }

    /// <summary>Spec fields AWS differs in (drift when the spec was applied before); empty when in sync.</summary>
    public IReadOnlyList<string> Differences { get; init; } = [];

    /// <summary>Work that is due but is not a difference from the spec (e.g. retiring old revisions): Update runs, nothing is drift.</summary>
    public bool HousekeepingDue { get; init; }

    /// <summary>
    /// What the spec resolves to changed since the last apply without a new generation (e.g. a referenced object
    /// moved on to a new revision): the differences are an update to make, not drift.
    /// </summary>
    public bool DesiredChangedSinceApplied { get; init; }

    /// <summary>
    /// A difference the kind cannot apply (an immutable field, a dependency owned by someone else): the skeleton stalls
    /// with it and calls neither Create nor Update.
    /// </summary>
    public ReconcileState.Stalled? Refusal { get; init; }

    /// <summary>What the kind needs again in Update (e.g. the live description and the computed change).</summary>
    public TLive? Live { get; init; }

    /// <summary>
    /// The status and state of the resource as observed (written as is when nothing needs doing, or under driftPolicy
    /// Report); unused when it does not exist.
    /// </summary>
    public ExternalResult<TStatus>? Result { get; init; }

    public bool UpToDate => Differences.Count == 0 && !HousekeepingDue;
}
