using System.Collections.Concurrent;
using EcsOperator.Api;
using EcsOperator.Api.Shared;
using EcsOperator.Api.TaskDefinitions;
using EcsOperator.Core.Arns;
using EcsOperator.Core.Conditions;
using EcsOperator.Core.TaskDefinitions;
using EcsOperator.Core.Validation;
using EcsOperator.Hosting;
using EcsOperator.Kubernetes.Events;
using EcsOperator.Kubernetes.Model;
using EcsOperator.Observability;
using EcsOperator.Reconcilers.Managed;
using Microsoft.Extensions.Logging;
using TaskDefinitionStatus = EcsOperator.Aws.Model.Ecs.TaskDefinitionStatus;

namespace EcsOperator.Reconcilers.TaskDefinitions;

/// <summary>
/// EcsTaskDefinition in AWS (DESIGN section 4): a revision is registered only when the spec hash changes; the one a
/// previous run registered is found again by its owner and hash tags (a new object whose family the census knows to be
/// absent skips that look: <see cref="TaskDefinitionFamilyCensus"/>); revisions beyond revisionHistoryLimit that
/// nothing uses (<see cref="ITaskDefinitionUsage"/>) are retired; deletion retires every owned revision not in use.
/// </summary>
public sealed class TaskDefinitionExternalClient(
    ITaskDefinitionUsage usage,
    TaskDefinitionFamilyCensus census,
    IEventRecorder events,
    OperatorOptions options,
    TimeProvider time,
    ILogger<TaskDefinitionExternalClient> logger)
    : ExternalClient<EcsTaskDefinition, EcsTaskDefinitionStatus, TaskDefinitionExternalClient.Live>
{
    /// <summary>
    /// Every how many reconciles of a settled object its revision is looked at in AWS (one DescribeTaskDefinition; in
    /// between, no call): steady state costs at most 1/this reads per object per resync, and a revision deregistered
    /// outside the operator is noticed within this many resyncs (or at once, when anything else wakes the object).
    /// </summary>
    public const int VerifyEvery = 10;

    /// <summary>
    /// The revision each settled object was last seen ACTIVE with, and how many reconciles trusted it since; in
    /// memory, so a restarted operator looks once. Keyed by the object's own name strings (no "ns/name/uid" string
    /// built per object: about 130 bytes each, for every task definition); the revision is held as its number and its
    /// ARN's hash, not the ARN (a copy of its own, 164 bytes, for every task definition).
    /// </summary>
    private readonly ConcurrentDictionary<VerifiedKey, VerifiedRevision> _verified = new();

    public override ManagedKind<EcsTaskDefinition, EcsTaskDefinitionStatus> Kind { get; } = new(
        EcsTaskDefinition.KindName, OperatorResourceTypes.TaskDefinitions, ApiJsonContext.Default.EcsTaskDefinition,
        o => o.Status, (o, s) => o with { Status = s }, () => new EcsTaskDefinitionStatus(),
        (s, generation, conditions) => s with { ObservedGeneration = generation, Conditions = conditions });

    public override IReadOnlyList<SpecGuard<EcsTaskDefinition>> Guards { get; } =
    [
        new(ConditionReasons.InvalidSpec, o => TaskDefinitionValidator.Validate(o.Spec) is { Count: > 0 } errors ? string.Join("; ", errors.Select(e => e.ToString())) : null),
        SpecGuard<EcsTaskDefinition>.Tenancy,
    ];

    public override string Describe(EcsTaskDefinition obj) => $"task-definition family {Family(obj)}";

    public override DeletionPolicy DeletionPolicyOf(EcsTaskDefinition obj) => obj.Spec.DeletionPolicy;

    public override bool RecordsAwsResource(EcsTaskDefinition obj) => obj.Status?.TaskDefinitionArn is not null || obj.Status?.Revisions is { Count: > 0 };

    public override async Task<ExternalObservation<EcsTaskDefinitionStatus, Live>> ObserveAsync(ManagedContext<EcsTaskDefinition> context,
        CancellationToken cancellationToken)
    {
        var obj = context.Object;
        var family = Family(obj);
        var revisions = new OwnedRevisions(context.Aws.Ecs);
        var translated = TaskDefinitionTranslator.Translate(obj.Spec, family, context.Owner);
        var status = obj.Status ?? new EcsTaskDefinitionStatus();
        var key = ObjectKey(obj);

        // Steady state: status names the revision of this hash and nothing is left to retire. Its revision is looked
        // at (one DescribeTaskDefinition, no List) every VerifyEvery-th reconcile; in between no AWS call at all.
        if (Settled(obj, status, family, translated.SpecHash) is { } settled)
        {
            if (_verified.TryGetValue(key, out var verified) && verified.Names(settled) && verified.Trusted + 1 < VerifyEvery)
            {
                _verified[key] = verified with { Trusted = verified.Trusted + 1 };
                return Steady(context, family, translated, status, settled);
            }

            var described = await revisions.DescribeAsync(settled.TaskDefinitionArn!, cancellationToken);
            if (described?.TaskDefinition?.Status == TaskDefinitionStatus.Active)
            {
                _verified[key] = VerifiedRevision.Of(settled);
                return Steady(context, family, translated, status, settled);
            }

            _verified.TryRemove(key, out _); // gone or INACTIVE: the full look below notices and registers again
        }

        // Entries of another family (spec.family was changed) say nothing about this family's revision numbers.
        var known = (status.Revisions ?? [])
            .Where(r => r.TaskDefinitionArn is null || EcsNames.TaskDefinitionFamily(r.TaskDefinitionArn) == family)
            .ToDictionary(r => r.Revision);

        // A new object (status records no revision) whose family a recent census of the namespace's prefix does not
        // hold has nothing to find and nobody else's revision to refuse: register without listing the family. Why that
        // holds after a killed operator, a lost status write, a restored store, a foreign owner and a leader change:
        // TaskDefinitionFamilyCensus.
        var principal = Principal(context);
        if (NothingRecorded(status)
            && await census.IsAbsentAsync(context.Aws.Ecs, principal, TaskDefinitionFamilies.ForTaskDefinition(obj.Metadata.Namespace ?? string.Empty, string.Empty),
                family, cancellationToken))
        {
            return new()
            {
                Exists = false,
                Live = new Live(family, translated, known, [], []) { OldFamilies = OldFamilies(status, family) },
            };
        }

        var activeArns = await revisions.ListAsync(family, TaskDefinitionStatus.Active, cancellationToken);
        if (activeArns.Count > 0)
            census.Exists(principal, family);
        var active = activeArns.Select(EcsNames.TaskDefinitionRevision).OfType<int>().ToHashSet();

        // Cheap path first: the status already names the revision for this hash and it is still ACTIVE.
        TaskDefinitionRevision? current = null;
        if (status.Family == family && status.SpecHash == translated.SpecHash && status.Revision is { } statusRevision && status.TaskDefinitionArn is not null
            && active.Contains(statusRevision))
        {
            current = known.GetValueOrDefault(statusRevision)
                ?? new TaskDefinitionRevision { Revision = statusRevision, TaskDefinitionArn = status.TaskDefinitionArn, SpecHash = status.SpecHash };
        }

        if (current is null)
        {
            var scan = await revisions.FindOwnedAsync(activeArns, known, translated.SpecHash, context.Owner, cancellationToken);
            if (scan.ForeignOwner is { } foreign)
                return new() { OwnerTag = foreign, Live = null };
            foreach (var found in scan.Owned)
                known[found.Revision] = found;
            current = scan.Match;
        }

        if (current is null && status.Family == family && status.SpecHash == translated.SpecHash && status.Revision is { } lost && !active.Contains(lost))
        {
            // The spec did not change, yet its revision is no longer ACTIVE: deregistered outside the operator.
            // Registering again corrects that.
            logger.LogInformation("EcsTaskDefinition {Namespace}/{Name} drifted: revision {Revision} is no longer ACTIVE", obj.Metadata.Namespace, obj.Metadata.Name, lost);
            OperatorMetrics.DriftDetected(EcsTaskDefinition.KindName);
        }

        // Owned INACTIVE revisions are deleted (and ACTIVE ones beyond the history limit retired) as housekeeping. When
        // the ACTIVE list holds nothing of this object's and status records no revision of this family (a new object),
        // there is nothing to housekeep: no INACTIVE list. An owned INACTIVE revision status does not know of (a
        // registration whose status write was lost, then deregistered outside the operator) waits for the next full
        // look or the object's deletion, which lists both.
        IReadOnlyList<int> ownedInactive = known.Count > 0 || current is not null || (status.Family == family && status.Revision is not null)
            ? await revisions.OwnedAsync(family, TaskDefinitionStatus.Inactive, context.Owner, known.Keys.ToHashSet(), cancellationToken)
            : [];
        var live = new Live(family, translated, known, active, ownedInactive)
        {
            OldFamilies = OldFamilies(status, family),
            OldFamilyEntries = (status.Revisions ?? []).Where(r => r.TaskDefinitionArn is { } arn && EcsNames.TaskDefinitionFamily(arn) != family).ToList(),
        };
        if (current is null)
            return new() { Exists = false, Live = live };
        known[current.Revision] = current;
        _verified[key] = VerifiedRevision.Of(current);
        var due = ownedInactive.Count > 0 || live.OldFamilies.Count > 0
            || RevisionHistory.ToDeregister(known.Keys.Where(active.Contains), current.Revision, obj.Spec.EffectiveRevisionHistoryLimit, new HashSet<int>()).Count > 0;
        return new()
        {
            OwnerTag = context.Owner,
            HousekeepingDue = due,
            Live = live with { Current = current },
            Result = Result(live, current, retired: new HashSet<int>()),
        };
    }

    public override async Task<ExternalResult<EcsTaskDefinitionStatus>> CreateAsync(ManagedContext<EcsTaskDefinition> context,
        ExternalObservation<EcsTaskDefinitionStatus, Live> observed, CancellationToken cancellationToken)
    {
        var obj = context.Object;
        var live = observed.Live!;
        // Before the call, not after: a registration that succeeded in AWS but whose answer was lost (a timeout) must
        // not let the retry skip the list and register a duplicate.
        census.Exists(Principal(context), live.Family);
        var registered = (await context.Aws.Ecs.RegisterTaskDefinitionAsync(live.Translated.Request, cancellationToken)).TaskDefinition
            ?? throw new InvalidOperationException("RegisterTaskDefinition returned no task definition");
        var current = new TaskDefinitionRevision
        {
            Revision = registered.Revision ?? throw new InvalidOperationException("RegisterTaskDefinition returned no revision"),
            TaskDefinitionArn = registered.TaskDefinitionArn,
            SpecHash = live.Translated.SpecHash,
            RegisteredAt = registered.RegisteredAt ?? time.GetUtcNow(),
        };
        live.Active.Add(current.Revision);
        live.Known[current.Revision] = current;
        _verified[ObjectKey(obj)] = VerifiedRevision.Of(current);
        logger.LogInformation("Registered {Arn} for EcsTaskDefinition {Namespace}/{Name}", current.TaskDefinitionArn, obj.Metadata.Namespace, obj.Metadata.Name);
        await events.RecordAsync(obj, Event.NormalType, EventReasons.RevisionRegistered, "RegisterTaskDefinition",
            $"Registered revision {current.Revision} ({current.TaskDefinitionArn})", cancellationToken);
        var retired = await RetireAsync(context, live, current.Revision, cancellationToken);
        return Result(live, current, retired, await RetireOldFamiliesAsync(context, live, cancellationToken));
    }

    public override async Task<ExternalResult<EcsTaskDefinitionStatus>> UpdateAsync(ManagedContext<EcsTaskDefinition> context,
        ExternalObservation<EcsTaskDefinitionStatus, Live> observed, bool adopting, CancellationToken cancellationToken)
    {
        var live = observed.Live!;
        var current = live.Current!;
        var retired = await RetireAsync(context, live, current.Revision, cancellationToken);
        return Result(live, current, retired, await RetireOldFamiliesAsync(context, live, cancellationToken));
    }

    public override async Task<DeletionResult> DeleteAsync(ManagedContext<EcsTaskDefinition> context, CancellationToken cancellationToken)
    {
        var obj = context.Object;
        _verified.TryRemove(ObjectKey(obj), out _);
        var family = obj.Status?.Family ?? Family(obj);
        // Also the families an earlier spec.family named whose revisions were still in use when it changed.
        var families = new[] { family }.Concat(OldFamilies(obj.Status ?? new EcsTaskDefinitionStatus(), family)).ToList();
        var still = new List<string>();
        foreach (var each in families)
        {
            var pending = await RetireFamilyAsync(context, each, KnownOf(obj.Status, each), cancellationToken);
            still.AddRange(pending.Select(r => $"{each}:{r.Revision}"));
        }

        if (still.Count > 0)
            return DeletionResult.Waiting($"waiting for services and tasks to stop using {string.Join(", ", still)} before deleting them", options.DeletionRecheckInterval);

        await events.RecordAsync(obj, Event.NormalType, EventReasons.Deleted, "DeregisterTaskDefinition", $"Deregistered and deleted the revisions of {family}", cancellationToken);
        return DeletionResult.Done;
    }

    /// <summary>
    /// spec.family changed: once the new family's revision is registered, every owned revision of the families named
    /// before is deregistered and deleted unless in use; those still in use are returned, kept in status.revisions
    /// and retried at the next reconcile.
    /// </summary>
    private async Task<IReadOnlyList<TaskDefinitionRevision>> RetireOldFamiliesAsync(ManagedContext<EcsTaskDefinition> context, Live live, CancellationToken cancellationToken)
    {
        var obj = context.Object;
        var pending = new List<TaskDefinitionRevision>();
        foreach (var old in live.OldFamilies)
        {
            var still = await RetireFamilyAsync(context, old, KnownOf(obj.Status, old), cancellationToken);
            pending.AddRange(still);
            if (still.Count == 0)
            {
                logger.LogInformation("EcsTaskDefinition {Namespace}/{Name} retired family {Old} after spec.family changed to {Family}", obj.Metadata.Namespace, obj.Metadata.Name, old, live.Family);
                await events.RecordAsync(obj, Event.NormalType, EventReasons.Deleted, "DeregisterTaskDefinition",
                    $"Deregistered and deleted the revisions of {old}: spec.family is now {live.Family}", cancellationToken);
            }
        }

        return pending;
    }

    /// <summary>Deregisters and deletes the owned revisions of <paramref name="family"/> nothing uses; returns those still in use.</summary>
    private async Task<IReadOnlyList<TaskDefinitionRevision>> RetireFamilyAsync(ManagedContext<EcsTaskDefinition> context, string family, IReadOnlySet<int> known,
        CancellationToken cancellationToken)
    {
        var revisions = new OwnedRevisions(context.Aws.Ecs);
        var ownedActive = await revisions.OwnedAsync(family, TaskDefinitionStatus.Active, context.Owner, known, cancellationToken);
        var ownedInactive = await revisions.OwnedAsync(family, TaskDefinitionStatus.Inactive, context.Owner, known, cancellationToken);
        if (ownedActive.Count + ownedInactive.Count == 0)
            return [];
        var inUseArns = await usage.InUseAsync(context.Object.Metadata.Namespace!, family, cancellationToken);
        var inUse = InUse(inUseArns);
        foreach (var revision in ownedActive.Where(r => !inUse.Contains(r)).Order())
            await revisions.DeregisterAsync($"{family}:{revision}", cancellationToken);
        await revisions.DeleteAsync(family, RevisionHistory.ToDelete(ownedActive.Concat(ownedInactive), inUse), cancellationToken);
        return ownedActive.Concat(ownedInactive).Where(inUse.Contains).Distinct().Order()
            .Select(r => new TaskDefinitionRevision
            {
                Revision = r,
                TaskDefinitionArn = inUseArns.FirstOrDefault(a => EcsNames.TaskDefinitionRevision(a) == r) ?? $"{family}:{r}",
            })
            .ToList();
    }

    /// <summary>Deregisters owned ACTIVE revisions beyond the history limit and deletes owned INACTIVE ones, unless in use.</summary>
    private async Task<IReadOnlySet<int>> RetireAsync(ManagedContext<EcsTaskDefinition> context, Live live, int current, CancellationToken cancellationToken)
    {
        var limit = context.Object.Spec.EffectiveRevisionHistoryLimit;
        var ownedActive = live.Known.Keys.Where(live.Active.Contains).ToList();
        if (RevisionHistory.ToDeregister(ownedActive, current, limit, new HashSet<int>()).Count == 0 && live.OwnedInactive.Count == 0)
            return new HashSet<int>();

        // Only now ask what is in use: that fans out over clusters and services.
        var revisions = new OwnedRevisions(context.Aws.Ecs);
        var inUse = InUse(await usage.InUseAsync(context.Object.Metadata.Namespace!, live.Family, cancellationToken));
        var deregister = RevisionHistory.ToDeregister(ownedActive, current, limit, inUse);
        foreach (var revision in deregister)
            await revisions.DeregisterAsync($"{live.Family}:{revision}", cancellationToken);
        await revisions.DeleteAsync(live.Family, RevisionHistory.ToDelete(live.OwnedInactive.Concat(deregister), inUse), cancellationToken);
        return deregister.ToHashSet();
    }

    private static ExternalResult<EcsTaskDefinitionStatus> Result(Live live, TaskDefinitionRevision current, IReadOnlySet<int> retired,
        IReadOnlyList<TaskDefinitionRevision>? oldFamiliesInUse = null)
    {
        var revisions = live.Known.Values
            .Where(r => live.Active.Contains(r.Revision) && !retired.Contains(r.Revision))
            .OrderByDescending(r => r.Revision)
            .Concat(oldFamiliesInUse ?? live.OldFamilyEntries)
            .ToList();
        return new(s => s with
        {
            Family = live.Family,
            Revision = current.Revision,
            TaskDefinitionArn = current.TaskDefinitionArn,
            SpecHash = live.Translated.SpecHash,
            Revisions = revisions,
        }, new ReconcileState.Ready($"revision {current.Revision} of {live.Family} is registered and {TaskDefinitionStatus.Active}"));
    }

    /// <summary>
    /// The revision status names, when nothing about it needs a List: status was written for this family and spec
    /// hash, and every revision it records is of this family and within the history limit (nothing to retire).
    /// </summary>
    private static TaskDefinitionRevision? Settled(EcsTaskDefinition obj, EcsTaskDefinitionStatus status, string family, string specHash)
    {
        if (status.Family != family || status.SpecHash != specHash || status.Revision is not { } revision || status.TaskDefinitionArn is not { } arn
            || EcsNames.TaskDefinitionFamily(arn) != family || EcsNames.TaskDefinitionRevision(arn) != revision)
            return null;
        var recorded = status.Revisions ?? [];
        if (recorded.Count > obj.Spec.EffectiveRevisionHistoryLimit
            || recorded.Any(r => r.TaskDefinitionArn is null || EcsNames.TaskDefinitionFamily(r.TaskDefinitionArn) != family)
            || recorded.All(r => r.Revision != revision))
            return null;
        return recorded.First(r => r.Revision == revision) with { TaskDefinitionArn = arn };
    }

    /// <summary>The observation of a settled object: status as it is, Ready, no housekeeping.</summary>
    private static ExternalObservation<EcsTaskDefinitionStatus, Live> Steady(ManagedContext<EcsTaskDefinition> context, string family,
        TranslatedTaskDefinition translated, EcsTaskDefinitionStatus status, TaskDefinitionRevision current)
    {
        var known = (status.Revisions ?? []).ToDictionary(r => r.Revision);
        var live = new Live(family, translated, known, known.Keys.ToHashSet(), []);
        return new()
        {
            OwnerTag = context.Owner,
            Live = live with { Current = current },
            Result = Result(live, current, retired: new HashSet<int>()),
        };
    }

    /// <summary>Families status still records revisions of besides <paramref name="family"/>: earlier values of spec.family.</summary>
    private static IReadOnlyList<string> OldFamilies(EcsTaskDefinitionStatus status, string family) =>
        (status.Revisions ?? []).Select(r => r.TaskDefinitionArn).OfType<string>().Select(EcsNames.TaskDefinitionFamily)
            .Prepend(status.Family)
            .OfType<string>()
            .Where(f => f != family)
            .Distinct(StringComparer.Ordinal)
            .ToList();

    /// <summary>The revisions of <paramref name="family"/> status records as ours.</summary>
    private static HashSet<int> KnownOf(EcsTaskDefinitionStatus? status, string family)
    {
        var known = (status?.Revisions ?? [])
            .Where(r => r.TaskDefinitionArn is null || EcsNames.TaskDefinitionFamily(r.TaskDefinitionArn) == family)
            .Select(r => r.Revision)
            .ToHashSet();
        if (status?.Family == family && status.Revision is { } revision)
            known.Add(revision);
        return known;
    }

    private static string Family(EcsTaskDefinition obj) => TaskDefinitionFamilies.Of(obj);

    /// <summary>Whose AWS account the census is of: the namespace's role, or the operator's own principal.</summary>
    private static string Principal(ManagedContext<EcsTaskDefinition> context) => context.Tenancy.AwsRoleArn ?? string.Empty;

    /// <summary>Status records no revision at all: the object never finished a registration that status kept.</summary>
    private static bool NothingRecorded(EcsTaskDefinitionStatus status) =>
        status.Revision is null && status.TaskDefinitionArn is null && status.Revisions is not { Count: > 0 };

    private static HashSet<int> InUse(IReadOnlySet<string> arns) => arns.Select(EcsNames.TaskDefinitionRevision).OfType<int>().ToHashSet();

    private static VerifiedKey ObjectKey(EcsTaskDefinition obj) => new(obj.Metadata.Namespace, obj.Metadata.Name, obj.Metadata.Uid);

    /// <summary>An object's identity for <see cref="_verified"/>: a re-created object of the same name (another uid) starts unverified.</summary>
    private readonly record struct VerifiedKey(string? Namespace, string? Name, string? Uid);

    /// <summary>
    /// A revision last seen ACTIVE, as its number and its ARN's hash, and how many reconciles trusted it since. Comparing
    /// hashes instead of ARNs is enough: an ARN status names is the same ARN (equal hashes), or one of another
    /// revision number, or, with the same number, of another family or account, whose hash differs but for a 32-bit
    /// collision. Such a collision only lets the operator skip the DescribeTaskDefinition of that other ARN until the
    /// VerifyEvery-th reconcile, which looks at it anyway.
    /// </summary>
    private readonly record struct VerifiedRevision(int Revision, int ArnHash, int Trusted)
    {
        public static VerifiedRevision Of(TaskDefinitionRevision revision) => new(revision.Revision, Hash(revision.TaskDefinitionArn), 0);

        /// <summary>Whether <paramref name="revision"/> is the one verified.</summary>
        public bool Names(TaskDefinitionRevision revision) => Revision == revision.Revision && ArnHash == Hash(revision.TaskDefinitionArn);

        private static int Hash(string? arn) => (arn ?? string.Empty).GetHashCode(StringComparison.Ordinal);
    }

    /// <summary>What Observe read: the family, the translated spec, the owned revisions known, the ACTIVE ones, the owned INACTIVE ones.</summary>
    public sealed record Live(string Family, TranslatedTaskDefinition Translated, Dictionary<int, TaskDefinitionRevision> Known, HashSet<int> Active,
        IReadOnlyList<int> OwnedInactive)
    {
        /// <summary>The owned ACTIVE revision of the spec's hash.</summary>
        public TaskDefinitionRevision? Current { get; init; }

        /// <summary>Families an earlier spec.family named whose owned revisions are still to retire.</summary>
        public IReadOnlyList<string> OldFamilies { get; init; } = [];

        /// <summary>The status entries of <see cref="OldFamilies"/> (kept until retired).</summary>
        public IReadOnlyList<TaskDefinitionRevision> OldFamilyEntries { get; init; } = [];
    }
}
