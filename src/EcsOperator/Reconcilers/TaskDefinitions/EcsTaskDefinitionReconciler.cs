using EcsOperator.Api;
using EcsOperator.Api.Shared;
using EcsOperator.Api.TaskDefinitions;
using EcsOperator.Aws.Ecs;
using EcsOperator.Aws.Model.Ecs;
using EcsOperator.Aws.Transport;
using EcsOperator.Core.Arns;
using EcsOperator.Core.Conditions;
using EcsOperator.Core.Ownership;
using EcsOperator.Core.TaskDefinitions;
using EcsOperator.Core.Validation;
using EcsOperator.Hosting;
using EcsOperator.Kubernetes.Controller;
using EcsOperator.Kubernetes.Events;
using EcsOperator.Kubernetes.Model;
using EcsOperator.Kubernetes.Rest;
using EcsOperator.Observability;
using Microsoft.Extensions.Logging;

namespace EcsOperator.Reconcilers.TaskDefinitions;

/// <summary>
/// Drives an EcsTaskDefinition (DESIGN section 4): registers a revision only when the spec hash changes, reuses the
/// revision a previous run registered (found by owner + hash tags), retires revisions beyond revisionHistoryLimit
/// that no deployment uses, and cleans up (or retains) the family on deletion.
/// </summary>
public sealed class EcsTaskDefinitionReconciler(
    IKubernetesClient kubernetes,
    IEcsApi ecs,
    ITaskDefinitionUsage usage,
    IEventRecorder events,
    ClusterIdentity clusterIdentity,
    OperatorOptions options,
    TimeProvider time,
    ILogger<EcsTaskDefinitionReconciler> logger) : IReconciler<EcsTaskDefinition>
{
    private const string Active = "ACTIVE";
    private const string Inactive = "INACTIVE";

    private readonly OwnedRevisions _revisions = new(ecs);

    private readonly IResourceClient<EcsTaskDefinition> _client =
        kubernetes.Resource(OperatorResourceTypes.TaskDefinitions, ApiJsonContext.Default.EcsTaskDefinition);

    public async Task<ReconcileResult> ReconcileAsync(ReconcileRequest<EcsTaskDefinition> request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Object is not { } obj)
        {
            return ReconcileResult.Done; // gone: the finalizer already did the cleanup (or Retain left it)
        }

        var owner = OwnershipTags.OwnerValue(await clusterIdentity.GetAsync(cancellationToken), obj.Metadata.Namespace!, obj.Metadata.Name!);
        var family = obj.Spec.Family ?? TaskDefinitionTranslator.DefaultFamily(obj.Metadata.Namespace!, obj.Metadata.Name!);
        try
        {
            if (request.IsDeleting)
                return await DeleteAsync(obj, obj.Status?.Family ?? family, owner, cancellationToken);

            // The finalizer comes first: an AWS revision must never exist without something that will clean it up.
            if (!obj.HasFinalizer(ApiGroup.CleanupFinalizer))
            {
                // Its watch event brings the object back, so the next reconcile reads a cache that has it.
                await _client.EnsureFinalizerAsync(obj, ApiGroup.CleanupFinalizer, cancellationToken);
                return ReconcileResult.Done;
            }
            var errors = TaskDefinitionValidator.Validate(obj.Spec);
            if (errors.Count > 0)
            {
                var message = string.Join("; ", errors.Select(e => e.ToString()));
                await WriteStatusAsync(obj, s => s with { Family = family }, new ReconcileState.Stalled(ConditionReasons.InvalidSpec, message), cancellationToken);
                return ReconcileResult.Done; // only a spec change (new generation) or a resync tries again
            }

            return await ApplyAsync(obj, family, owner, cancellationToken);
        }
        catch (AwsServiceException e) when (e.Kind == AwsErrorKind.Retryable || e.Kind == AwsErrorKind.NotFound)
        {
            await WriteStatusAsync(obj, s => s, new ReconcileState.Retrying($"{e.ErrorCode}: {e.Message}"), cancellationToken);
            throw; // the work queue retries with per-key backoff
        }
        catch (AwsServiceException e)
        {
            var reason = ReconcileTiming.IsAccessDenied(e.ErrorCode) ? ConditionReasons.AccessDenied : ConditionReasons.InvalidSpec;
            logger.LogWarning("EcsTaskDefinition {Namespace}/{Name} stalled: {Code} {Message}", obj.Metadata.Namespace, obj.Metadata.Name, e.ErrorCode, e.Message);
            await WriteStatusAsync(obj, s => s with { Family = family }, new ReconcileState.Stalled(reason, $"ECS rejected the request: {e.ErrorCode}: {e.Message}"), cancellationToken);
            return ReconcileResult.After(ReconcileTiming.Jittered(options.ResyncInterval)); // permissions may be fixed without a spec change
        }
    }

    private async Task<ReconcileResult> ApplyAsync(EcsTaskDefinition obj, string family, string owner, CancellationToken cancellationToken)
    {
        var translated = TaskDefinitionTranslator.Translate(obj.Spec, family, owner);
        var status = obj.Status ?? new EcsTaskDefinitionStatus();
        // Entries of another family (spec.family was changed) say nothing about this family's revision numbers.
        var known = (status.Revisions ?? [])
            .Where(r => r.TaskDefinitionArn is null || EcsNames.TaskDefinitionFamily(r.TaskDefinitionArn) == family)
            .ToDictionary(r => r.Revision);
        var activeArns = await _revisions.ListAsync(family, Active, cancellationToken);
        var activeRevisions = activeArns.Select(Revision).OfType<int>().ToHashSet();

        // Cheap path first: the status already names the revision for this hash and it is still ACTIVE.
        TaskDefinitionRevision? current = null;
        if (status.SpecHash == translated.SpecHash && status.Revision is { } statusRevision && status.TaskDefinitionArn is not null
            && activeRevisions.Contains(statusRevision))
        {
            current = known.GetValueOrDefault(statusRevision) ?? new TaskDefinitionRevision
            {
                Revision = statusRevision, TaskDefinitionArn = status.TaskDefinitionArn, SpecHash = status.SpecHash,
            };
        }

        if (current is null)
        {
            var scan = await _revisions.FindOwnedAsync(activeArns, known, translated.SpecHash, owner, cancellationToken);
            if (scan.ForeignOwner is { } foreign)
            {
                var tagged = foreign.Length == 0 ? $"carries no {OwnershipTags.OwnerKey} tag" : $"is tagged {OwnershipTags.OwnerKey}={foreign}";
                var message = $"task-definition family {family} is managed by someone else (its latest revision {tagged}): delete this object or set spec.family to another family";
                await WriteStatusAsync(obj, s => s with { Family = family }, new ReconcileState.Stalled(ConditionReasons.NotOwned, message), cancellationToken);
                return ReconcileResult.After(ReconcileTiming.Jittered(options.ResyncInterval)); // the other owner may give the family up
            }

            foreach (var found in scan.Owned)
                known[found.Revision] = found;
            current = scan.Match;
        }

        if (current is null && status.SpecHash == translated.SpecHash && status.Revision is { } lost && !activeRevisions.Contains(lost))
        {
            // The spec did not change, yet the revision it was registered as is no longer ACTIVE: it was deregistered
            // outside the operator. Registering again below corrects that.
            logger.LogInformation("EcsTaskDefinition {Namespace}/{Name} drifted: revision {Revision} is no longer ACTIVE", obj.Metadata.Namespace, obj.Metadata.Name, lost);
            OperatorMetrics.DriftDetected(EcsTaskDefinition.KindName);
        }

        if (current is null)
        {
            var response = await ecs.RegisterTaskDefinitionAsync(translated.Request, cancellationToken);
            var registered = response.TaskDefinition ?? throw new InvalidOperationException("RegisterTaskDefinition returned no task definition");
            current = new TaskDefinitionRevision
            {
                Revision = registered.Revision ?? throw new InvalidOperationException("RegisterTaskDefinition returned no revision"),
                TaskDefinitionArn = registered.TaskDefinitionArn,
                SpecHash = translated.SpecHash,
                RegisteredAt = registered.RegisteredAt ?? time.GetUtcNow(),
            };
            activeRevisions.Add(current.Revision);
            logger.LogInformation("Registered {Arn} for EcsTaskDefinition {Namespace}/{Name}", current.TaskDefinitionArn, obj.Metadata.Namespace, obj.Metadata.Name);
            await events.RecordAsync(obj, Event.NormalType, EventReasons.RevisionRegistered, "RegisterTaskDefinition",
                $"Registered revision {current.Revision} ({current.TaskDefinitionArn})", cancellationToken);
        }

        known[current.Revision] = current;
        var retired = await RetireOldRevisionsAsync(family, owner, current.Revision, known, activeRevisions, obj.Spec.EffectiveRevisionHistoryLimit, cancellationToken);
        var revisions = known.Values
            .Where(r => activeRevisions.Contains(r.Revision) && !retired.Contains(r.Revision))
            .OrderByDescending(r => r.Revision)
            .ToList();

        await WriteStatusAsync(obj, s => s with
        {
            Family = family,
            Revision = current.Revision,
            TaskDefinitionArn = current.TaskDefinitionArn,
            SpecHash = translated.SpecHash,
            Revisions = revisions,
        }, new ReconcileState.Ready($"revision {current.Revision} of {family} is registered and ACTIVE"), cancellationToken);
        return ReconcileResult.After(ReconcileTiming.Jittered(options.ResyncInterval));
    }

    /// <summary>Deregisters owned ACTIVE revisions beyond the history limit and deletes owned INACTIVE ones, unless in use.</summary>
    private async Task<IReadOnlySet<int>> RetireOldRevisionsAsync(string family, string owner, int current,
        IReadOnlyDictionary<int, TaskDefinitionRevision> known, IReadOnlySet<int> activeRevisions, int limit, CancellationToken cancellationToken)
    {
        var ownedActive = known.Keys.Where(activeRevisions.Contains).ToList();
        var candidates = RevisionHistory.ToDeregister(ownedActive, current, limit, new HashSet<int>());
        var inactiveArns = await _revisions.ListAsync(family, Inactive, cancellationToken);
        var ownedInactive = new List<int>();
        foreach (var arn in inactiveArns)
        {
            if (Revision(arn) is not { } revision)
                continue;
            if (known.ContainsKey(revision) || Tag((await _revisions.DescribeAsync(arn, cancellationToken))?.Tags, OwnershipTags.OwnerKey) == owner)
                ownedInactive.Add(revision);
        }

        if (candidates.Count == 0 && ownedInactive.Count == 0)
            return new HashSet<int>();

        // Only now ask which revisions live deployments run: that call fans out over clusters and services.
        var inUse = InUseRevisions(await usage.InUseAsync(family, cancellationToken));
        var deregister = RevisionHistory.ToDeregister(ownedActive, current, limit, inUse);
        foreach (var revision in deregister)
        {
            await _revisions.DeregisterAsync($"{family}:{revision}", cancellationToken);
        }

        await _revisions.DeleteAsync(family, RevisionHistory.ToDelete(ownedInactive.Concat(deregister), inUse), cancellationToken);
        return deregister.ToHashSet();
    }

    private async Task<ReconcileResult> DeleteAsync(EcsTaskDefinition obj, string family, string owner, CancellationToken cancellationToken)
    {
        if (!obj.HasFinalizer(ApiGroup.CleanupFinalizer))
            return ReconcileResult.Done;
        if (obj.Spec.DeletionPolicy == DeletionPolicy.Retain)
        {
            await _client.RemoveFinalizerAsync(obj, ApiGroup.CleanupFinalizer, cancellationToken);
            return ReconcileResult.Done;
        }

        var known = (obj.Status?.Revisions ?? []).Select(r => r.Revision).ToHashSet();
        if (obj.Status?.Revision is { } statusRevision)
            known.Add(statusRevision);
        var ownedActive = await _revisions.OwnedAsync(family, Active, owner, known, cancellationToken);
        var ownedInactive = await _revisions.OwnedAsync(family, Inactive, owner, known, cancellationToken);
        var still = new List<int>();
        if (ownedActive.Count + ownedInactive.Count > 0)
        {
            var inUse = InUseRevisions(await usage.InUseAsync(family, cancellationToken));
            foreach (var revision in ownedActive.Where(r => !inUse.Contains(r)).Order())
            {
                await _revisions.DeregisterAsync($"{family}:{revision}", cancellationToken);
            }

            await _revisions.DeleteAsync(family, RevisionHistory.ToDelete(ownedActive.Concat(ownedInactive), inUse), cancellationToken);
            still.AddRange(ownedActive.Concat(ownedInactive).Where(inUse.Contains).Distinct().Order());
        }

        if (still.Count > 0)
        {
            var names = string.Join(", ", still.Select(r => $"{family}:{r}"));
            await WriteStatusAsync(obj, s => s, new ReconcileState.Deleting($"waiting for services to stop using {names} before deleting them"), cancellationToken);
            return ReconcileResult.After(options.DeletionRecheckInterval);
        }

        await events.RecordAsync(obj, Event.NormalType, EventReasons.Deleted, "DeregisterTaskDefinition",
            $"Deregistered and deleted the revisions of {family}", cancellationToken);
        await _client.RemoveFinalizerAsync(obj, ApiGroup.CleanupFinalizer, cancellationToken);
        return ReconcileResult.Done;
    }

    private async Task WriteStatusAsync(EcsTaskDefinition obj, Func<EcsTaskDefinitionStatus, EcsTaskDefinitionStatus> edit,
        ReconcileState state, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        // The generation this reconcile acted on, not that of a re-read after a conflict: a spec edit that raced this
        // write must not be reported as observed before it is applied.
        var generation = obj.Metadata.Generation ?? 0;
        await _client.UpdateStatusAsync(obj, o =>
        {
            var status = edit(o.Status ?? new EcsTaskDefinitionStatus());
            return o with
            {
                Status = status with
                {
                    ObservedGeneration = generation,
                    Conditions = ConditionsCalculator.Compute(status.Conditions, state, drift: null, generation, now),
                },
            };
        }, cancellationToken);
    }

    private static HashSet<int> InUseRevisions(IReadOnlySet<string> arns) =>
        arns.Select(EcsNames.TaskDefinitionRevision).OfType<int>().ToHashSet();

    private static int? Revision(string arn) => EcsNames.TaskDefinitionRevision(arn);

    private static string? Tag(IReadOnlyList<Tag>? tags, string key) => tags?.FirstOrDefault(t => t.Key == key)?.Value;
}
