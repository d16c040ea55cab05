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
/// previous run registered is found again by its owner and hash tags; revisions beyond revisionHistoryLimit that
/// nothing uses (<see cref="ITaskDefinitionUsage"/>) are retired; deletion retires every owned revision not in use.
/// </summary>
public sealed class TaskDefinitionExternalClient(
    ITaskDefinitionUsage usage,
    IEventRecorder events,
    OperatorOptions options,
    TimeProvider time,
    ILogger<TaskDefinitionExternalClient> logger)
    : ExternalClient<EcsTaskDefinition, EcsTaskDefinitionStatus, TaskDefinitionExternalClient.Live>
{
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
        // Entries of another family (spec.family was changed) say nothing about this family's revision numbers.
        var known = (status.Revisions ?? [])
            .Where(r => r.TaskDefinitionArn is null || EcsNames.TaskDefinitionFamily(r.TaskDefinitionArn) == family)
            .ToDictionary(r => r.Revision);
        var activeArns = await revisions.ListAsync(family, TaskDefinitionStatus.Active, cancellationToken);
        var active = activeArns.Select(EcsNames.TaskDefinitionRevision).OfType<int>().ToHashSet();

        // Cheap path first: the status already names the revision for this hash and it is still ACTIVE.
        TaskDefinitionRevision? current = null;
        if (status.SpecHash == translated.SpecHash && status.Revision is { } statusRevision && status.TaskDefinitionArn is not null && active.Contains(statusRevision))
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

        if (current is null && status.SpecHash == translated.SpecHash && status.Revision is { } lost && !active.Contains(lost))
        {
            // The spec did not change, yet its revision is no longer ACTIVE: deregistered outside the operator.
            // Registering again corrects that.
            logger.LogInformation("EcsTaskDefinition {Namespace}/{Name} drifted: revision {Revision} is no longer ACTIVE", obj.Metadata.Namespace, obj.Metadata.Name, lost);
            OperatorMetrics.DriftDetected(EcsTaskDefinition.KindName);
        }

        // Owned INACTIVE revisions are deleted (and ACTIVE ones beyond the history limit retired) as housekeeping.
        var ownedInactive = await revisions.OwnedAsync(family, TaskDefinitionStatus.Inactive, context.Owner, known.Keys.ToHashSet(), cancellationToken);
        var live = new Live(family, translated, known, active, ownedInactive);
        if (current is null)
            return new() { Exists = false, Live = live };
        known[current.Revision] = current;
        var due = ownedInactive.Count > 0
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
        logger.LogInformation("Registered {Arn} for EcsTaskDefinition {Namespace}/{Name}", current.TaskDefinitionArn, obj.Metadata.Namespace, obj.Metadata.Name);
        await events.RecordAsync(obj, Event.NormalType, EventReasons.RevisionRegistered, "RegisterTaskDefinition",
            $"Registered revision {current.Revision} ({current.TaskDefinitionArn})", cancellationToken);
        return Result(live, current, await RetireAsync(context, live, current.Revision, cancellationToken));
    }

    public override async Task<ExternalResult<EcsTaskDefinitionStatus>> UpdateAsync(ManagedContext<EcsTaskDefinition> context,
        ExternalObservation<EcsTaskDefinitionStatus, Live> observed, bool adopting, CancellationToken cancellationToken)
    {
        var live = observed.Live!;
        var current = live.Current!;
        return Result(live, current, await RetireAsync(context, live, current.Revision, cancellationToken));
    }

    public override async Task<DeletionResult> DeleteAsync(ManagedContext<EcsTaskDefinition> context, CancellationToken cancellationToken)
    {
        var obj = context.Object;
        var family = obj.Status?.Family ?? Family(obj);
        var revisions = new OwnedRevisions(context.Aws.Ecs);
        var known = (obj.Status?.Revisions ?? []).Select(r => r.Revision).ToHashSet();
        if (obj.Status?.Revision is { } statusRevision)
            known.Add(statusRevision);
        var ownedActive = await revisions.OwnedAsync(family, TaskDefinitionStatus.Active, context.Owner, known, cancellationToken);
        var ownedInactive = await revisions.OwnedAsync(family, TaskDefinitionStatus.Inactive, context.Owner, known, cancellationToken);
        if (ownedActive.Count + ownedInactive.Count > 0)
        {
            var inUse = InUse(await usage.InUseAsync(obj.Metadata.Namespace!, family, cancellationToken));
            foreach (var revision in ownedActive.Where(r => !inUse.Contains(r)).Order())
                await revisions.DeregisterAsync($"{family}:{revision}", cancellationToken);
            await revisions.DeleteAsync(family, RevisionHistory.ToDelete(ownedActive.Concat(ownedInactive), inUse), cancellationToken);
            var still = ownedActive.Concat(ownedInactive).Where(inUse.Contains).Distinct().Order().ToList();
            if (still.Count > 0)
            {
                var names = string.Join(", ", still.Select(r => $"{family}:{r}"));
                return DeletionResult.Waiting($"waiting for services and tasks to stop using {names} before deleting them", options.DeletionRecheckInterval);
            }
        }

        await events.RecordAsync(obj, Event.NormalType, EventReasons.Deleted, "DeregisterTaskDefinition", $"Deregistered and deleted the revisions of {family}", cancellationToken);
        return DeletionResult.Done;
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

    private static ExternalResult<EcsTaskDefinitionStatus> Result(Live live, TaskDefinitionRevision current, IReadOnlySet<int> retired)
    {
        var revisions = live.Known.Values
            .Where(r => live.Active.Contains(r.Revision) && !retired.Contains(r.Revision))
            .OrderByDescending(r => r.Revision)
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

    private static string Family(EcsTaskDefinition obj) =>
        obj.Spec.Family ?? TaskDefinitionTranslator.DefaultFamily(obj.Metadata.Namespace!, obj.Metadata.Name!);

    private static HashSet<int> InUse(IReadOnlySet<string> arns) => arns.Select(EcsNames.TaskDefinitionRevision).OfType<int>().ToHashSet();

    /// <summary>What Observe read: the family, the translated spec, the owned revisions known, the ACTIVE ones, the owned INACTIVE ones.</summary>
    public sealed record Live(string Family, TranslatedTaskDefinition Translated, Dictionary<int, TaskDefinitionRevision> Known, HashSet<int> Active,
        IReadOnlyList<int> OwnedInactive)
    {
        /// <summary>The owned ACTIVE revision of the spec's hash.</summary>
        public TaskDefinitionRevision? Current { get; init; }
    }
}
