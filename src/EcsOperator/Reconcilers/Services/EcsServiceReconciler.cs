using System.Collections.Concurrent;
using EcsOperator.Api;
using EcsOperator.Api.Services;
using EcsOperator.Api.Shared;
using EcsOperator.Api.TaskDefinitions;
using EcsOperator.Aws.ApplicationAutoScaling;
using EcsOperator.Aws.Model.Ecs;
using EcsOperator.Aws.Principals;
using EcsOperator.Aws.Transport;
using EcsOperator.Core.Arns;
using EcsOperator.Core.Conditions;
using EcsOperator.Core.Ownership;
using EcsOperator.Core.Services;
using EcsOperator.Core.TaskDefinitions;
using EcsOperator.Core.Tenancy;
using EcsOperator.Core.Validation;
using EcsOperator.Hosting;
using EcsOperator.Kubernetes.Controller;
using EcsOperator.Kubernetes.Events;
using EcsOperator.Kubernetes.Model;
using EcsOperator.Kubernetes.Rest;
using EcsOperator.Reconcilers.Managed;
using EcsOperator.Reconcilers.TaskDefinitions;
using Microsoft.Extensions.Logging;

namespace EcsOperator.Reconcilers.Services;

/// <summary>
/// Drives an EcsService (DESIGN section 4): resolves its task definition (a referenced EcsTaskDefinition's current
/// revision, an external one, or an inline template registered under the owner and hash tags) and its cluster,
/// creates the service idempotently with the owner tag, adopts an untagged one only when adoptionPolicy says so,
/// sends only what differs, follows the rollout to Ready or RolloutFailed (never pushing a failed revision twice
/// for one generation), tells drift from spec changes, keeps autoscaling in step through
/// <see cref="IServiceAutoScaling"/>, and deletes (or retains) the service behind the cleanup finalizer. Every ECS and
/// Application Auto Scaling call runs as the principal of the object's namespace (<see cref="IAwsClientsForNamespace"/>).
/// </summary>
public sealed class EcsServiceReconciler(
    IKubernetesClient kubernetes,
    IAwsClientsForNamespace aws,
    INamespaceTenancySource tenancy,
    Func<IApplicationAutoScalingApi, IServiceAutoScaling> autoScalingFor,
    ITaskDefinitionUsage usage,
    ReferenceResolver references,
    ServiceClusters clusters,
    ServiceSnapshots snapshots,
    IEventRecorder events,
    KubernetesClusterId kubernetesClusterId,
    OperatorOptions options,
    RequeuePolicy requeue,
    TimeProvider time,
    ILogger<EcsServiceReconciler> logger) : IReconciler<EcsService>
{
    private const string Active = "ACTIVE";
    private const string Draining = "DRAINING";
    private const string Inactive = "INACTIVE";
    private static readonly string[] IncludeTags = ["TAGS"];

    // The revision registered for each object's inline template, by spec hash: resyncs then cost no task-definition calls.
    private readonly ConcurrentDictionary<ObjectKey, (string SpecHash, string Arn)> _inline = new();

    private readonly IResourceClient<EcsService> _client =
        kubernetes.Resource(OperatorResourceTypes.Services, ApiJsonContext.Default.EcsService);

    public async Task<ReconcileResult> ReconcileAsync(ReconcileRequest<EcsService> request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Object is not { } obj)
        {
            _inline.TryRemove(request.Key, out _);
            return ReconcileResult.Done;
        }

        var owner = OwnershipTags.OwnerValue(await kubernetesClusterId.GetAsync(cancellationToken), obj.Metadata.Namespace!, obj.Metadata.Name!);
        try
        {
            if (request.IsDeleting)
                return await DeleteAsync(obj, owner, cancellationToken);

            // The finalizer comes first: an ECS service must never exist without something that will clean it up.
            if (!obj.HasFinalizer(ApiGroup.CleanupFinalizer))
            {
                // Its watch event brings the object back, so the next reconcile reads a cache that has it.
                await _client.EnsureFinalizerAsync(obj, ApiGroup.CleanupFinalizer, cancellationToken);
                return ReconcileResult.Done;
            }

            var resolved = obj.Spec.TaskDefinitionRef is { } tdRef ? references.TaskDefinition(obj.Metadata.Namespace, tdRef.Name) : null;
            var referenced = resolved?.Object;
            var errors = ServiceValidator.Validate(obj.Spec, obj.Metadata.Name!, referenced?.Spec);
            if (errors.Count > 0)
            {
                var message = string.Join("; ", errors.Select(e => e.ToString()));
                return await StallAsync(obj, ConditionReasons.InvalidSpec, message, cancellationToken);
            }

            // The namespace's tenancy rules, then its principal, before any AWS call.
            if (TenancyEvaluator.Evaluate(tenancy.For(obj.Metadata.Namespace!), obj) is { Count: > 0 } violations)
                return await StallAsync(obj, ConditionReasons.Forbidden, TenancyEvaluator.Message(violations), cancellationToken);
            var clients = aws.For(obj.Metadata.Namespace!);

            // Dependencies that are still being created are not a human's problem: wait, and the watches on
            // EcsTaskDefinition and EcsCluster enqueue this service when they change.
            if (resolved?.WaitingFor is { } why)
            {
                await WriteStatusAsync(obj, s => s, new ReconcileState.Progressing(Waiting(obj), why), null, cancellationToken);
                return requeue.Resync(EcsService.KindName);
            }

            var cluster = clusters.Resolve(obj);
            if (cluster.Name is null)
            {
                await WriteStatusAsync(obj, s => s, new ReconcileState.Progressing(Waiting(obj), cluster.WaitingFor!), null, cancellationToken);
                return requeue.Resync(EcsService.KindName);
            }

            var taskDefinition = referenced?.Status?.TaskDefinitionArn
                ?? (obj.Spec.TaskDefinition is { } external ? await ResolveExternalAsync(clients, external, cancellationToken) : null)
                ?? await EnsureInlineRevisionAsync(clients, obj, owner, cancellationToken);
            return await ApplyAsync(clients, obj, owner, cluster.Name, taskDefinition, cancellationToken);
        }
        catch (NamespacePrincipalRefusedException e)
        {
            var state = AwsErrorConditions.State(e);
            return await StallAsync(obj, state.Reason, state.Message, cancellationToken);
        }
        catch (ServiceStallException e)
        {
            return await StallAsync(obj, e.Reason, e.Message, cancellationToken);
        }
        catch (ScalableTargetNotOwnedException e)
        {
            return await StallAsync(obj, ConditionReasons.NotOwned, e.Message, cancellationToken);
        }
        catch (AwsServiceException e) when (e.ErrorCode == "ClusterNotFoundException")
        {
            var cluster = obj.Status?.ClusterName ?? clusters.Resolve(obj).Name ?? ServiceClusters.DefaultCluster;
            return await StallAsync(obj, ConditionReasons.DependencyNotFound,
                $"ECS cluster {cluster} does not exist: create it (an EcsCluster and spec.clusterRef), or set spec.cluster to an existing cluster", cancellationToken);
        }
        catch (AwsServiceException e)
        {
            // ServiceNotActive: the service was deleted between describe and update; the retry creates it again.
            InvalidateSnapshot(obj);
            var explained = AwsErrorClassifier.Explain(e);
            var state = e.ErrorCode == "ServiceNotActiveException" ? new ReconcileState.Retrying(explained.Message) : AwsErrorConditions.State(explained);
            if (state is ReconcileState.Retrying)
            {
                await WriteStatusAsync(obj, s => s, state, null, cancellationToken);
                throw; // the work queue retries with per-key backoff
            }

            logger.LogWarning("EcsService {Namespace}/{Name} stalled: {Code} (request {RequestId}) {AwsMessage}", obj.Metadata.Namespace, obj.Metadata.Name, e.ErrorCode, e.RequestId, e.Message);
            await WriteStatusAsync(obj, s => s, state, null, cancellationToken);
            return requeue.Resync(EcsService.KindName);
        }
    }

    private async Task<ReconcileResult> ApplyAsync(AwsClients clients, EcsService obj, string owner, string cluster, string taskDefinition, CancellationToken cancellationToken)
    {
        var name = ServiceTranslator.ServiceName(obj);
        var status = obj.Status ?? new EcsServiceStatus();
        if (status.ServiceArn is not null && status.ServiceName is { } previousName && previousName != name)
        {
            throw new ServiceStallException(ConditionReasons.ImmutableFieldChanged,
                $"spec.serviceName changed from {previousName} to {name}: ECS cannot rename a service; set it back, or delete this object and create a new one");
        }

        if (status.ServiceArn is not null && status.ClusterName is { } previousCluster && previousCluster != EcsNames.ClusterName(cluster))
        {
            throw new ServiceStallException(ConditionReasons.ImmutableFieldChanged,
                $"spec.cluster changed from {previousCluster} to {EcsNames.ClusterName(cluster)}: ECS cannot move a service; set it back, or delete this object and create a new one");
        }

        var live = snapshots.Take(cluster, name, options.ServiceSnapshotMaxAge) ?? await DescribeAsync(clients, cluster, name, cancellationToken);
        if (live is null || live.Status == Inactive)
            return await CreateAsync(clients, obj, owner, cluster, name, taskDefinition, cancellationToken);
        if (live.Status == Draining)
        {
            await WriteStatusAsync(obj, s => s, new ReconcileState.Progressing(ConditionReasons.Creating,
                $"ECS service {name} is DRAINING (deleted outside the operator?): it is created again once INACTIVE"), null, cancellationToken);
            return ReconcileResult.After(options.RolloutRecheckInterval);
        }

        var tagOwner = Tag(live.Tags, OwnershipTags.OwnerKey);
        if (tagOwner is not null && tagOwner != owner)
        {
            throw new ServiceStallException(ConditionReasons.NotOwned,
                $"ECS service {name} is tagged {OwnershipTags.OwnerKey}={tagOwner}: it belongs to someone else; delete this object or set spec.serviceName to another service");
        }

        var adopting = tagOwner is null;
        if (adopting && obj.Spec.AdoptionPolicy != AdoptionPolicy.Adopt)
        {
            throw new ServiceStallException(ConditionReasons.NotOwned,
                $"ECS service {name} already exists and carries no {OwnershipTags.OwnerKey} tag: set spec.adoptionPolicy: Adopt to manage it, or set spec.serviceName to another service");
        }

        var desired = ServiceTranslator.ToDesiredState(obj, taskDefinition, cluster, owner);
        var comparison = ServiceComparer.Compare(desired, live, autoScalingOwnsDesiredCount: obj.Spec.AutoScaling is not null);
        if (comparison.Immutable is { Count: > 0 } immutable)
        {
            var fields = string.Join(", ", immutable.Select(d => $"spec.{d.Path} (live {d.Live ?? "unset"}, spec {d.Desired ?? "unset"})"));
            throw new ServiceStallException(ConditionReasons.ImmutableFieldChanged,
                $"ECS cannot change {fields} of a live service: set it back, or delete this object and create a new one");
        }

        var observed = RolloutObserver.Observe(live, taskDefinition, status.Rollout);
        var freshFailure = observed.Phase == RolloutPhase.Failed && !SameFailure(status.Rollout, observed.Rollout);
        // A failed revision is pushed once per generation: a spec edit or a new revision tries again.
        var failedThisGeneration = observed.Phase == RolloutPhase.Failed && (freshFailure || StalledFor(obj, ConditionReasons.RolloutFailed));
        if (failedThisGeneration)
            comparison = WithoutTaskDefinition(comparison);

        // The spec of the last successful apply is still the spec, and the revision is the one it rolled out:
        // anything that differs was changed in AWS. A new revision of the task definition is an update, not drift.
        var applied = !adopting && IsAppliedGeneration(obj)
            && status.Rollout?.TaskDefinitionArn is { } appliedRevision
            && EcsNames.TaskDefinitionFamilyRevision(appliedRevision) == EcsNames.TaskDefinitionFamilyRevision(taskDefinition);
        var reportOnly = applied && obj.Spec.DriftPolicy == DriftPolicy.Report;
        var serviceFields = comparison.Differences.Select(d => d.Path).Distinct().ToList();

        if (adopting)
        {
            await clients.Ecs.TagResourceAsync(new TagResourceRequest
            {
                ResourceArn = live.ServiceArn,
                Tags = [new Tag { Key = OwnershipTags.OwnerKey, Value = owner }],
            }, cancellationToken);
            InvalidateSnapshot(cluster, name);
            logger.LogInformation("Adopted ECS service {Arn} for EcsService {Namespace}/{Name}", live.ServiceArn, obj.Metadata.Namespace, obj.Metadata.Name);
            await events.RecordAsync(obj, Event.NormalType, EventReasons.Created, "TagResource", $"Adopted existing ECS service {live.ServiceArn}", cancellationToken);
        }

        var after = live;
        if (comparison.Update is { } update && !reportOnly)
        {
            after = (await clients.Ecs.UpdateServiceAsync(update, cancellationToken)).Service ?? live;
            InvalidateSnapshot(cluster, name);
            logger.LogInformation("Updated ECS service {Name} for EcsService {Namespace}/{Object}: {Fields}", name, obj.Metadata.Namespace, obj.Metadata.Name, string.Join(", ", serviceFields));
            if (comparison.StartsDeployment)
            {
                await events.RecordAsync(obj, Event.NormalType, EventReasons.RolloutStarted, "UpdateService",
                    $"Started a deployment of {EcsNames.TaskDefinitionFamilyRevision(taskDefinition)} ({string.Join(", ", serviceFields)} changed)", cancellationToken);
            }
        }

        var scaling = await SyncAutoScalingAsync(clients, obj, owner, cluster, name, apply: !reportOnly, cancellationToken);
        var driftFields = applied
            ? serviceFields.Concat(scaling.Differences.Select(d => $"autoScaling.{d}")).ToList()
            : [];
        DriftObservation? drift = null;
        if (driftFields.Count > 0)
        {
            var list = string.Join(", ", driftFields);
            logger.LogInformation("EcsService {Namespace}/{Name} drifted: {Fields}", obj.Metadata.Namespace, obj.Metadata.Name, list);
            await events.RecordAsync(obj, Event.WarningType, EventReasons.DriftDetected, "DescribeServices", $"ECS service {name} changed outside the operator: {list}", cancellationToken);
            if (!reportOnly)
            {
                await events.RecordAsync(obj, Event.NormalType, EventReasons.DriftCorrected, "UpdateService", $"Set {list} of ECS service {name} back to the spec", cancellationToken);
            }

            drift = new DriftObservation(driftFields, Corrected: !reportOnly);
        }
        else if (comparison.InSync && scaling.Differences.Count == 0 && ConditionSet.IsTrue(status.Conditions, ConditionTypes.Drifted))
        {
            // Drifted flips back to False once a corrected (or manually fixed) service matches the spec again.
            drift = new DriftObservation([], Corrected: true);
        }

        return await FinishAsync(obj, after, taskDefinition, scaling.Status, drift, reportOnly && drift is not null, freshFailure, cancellationToken);
    }

    private async Task<ReconcileResult> CreateAsync(AwsClients clients, EcsService obj, string owner, string cluster, string name, string taskDefinition, CancellationToken cancellationToken)
    {
        var request = ServiceTranslator.ToCreateRequest(obj, taskDefinition, cluster, owner);
        var created = (await clients.Ecs.CreateServiceAsync(request, cancellationToken)).Service
            ?? throw new InvalidOperationException("CreateService returned no service");
        InvalidateSnapshot(cluster, name);
        logger.LogInformation("Created ECS service {Arn} for EcsService {Namespace}/{Name}", created.ServiceArn, obj.Metadata.Namespace, obj.Metadata.Name);
        await events.RecordAsync(obj, Event.NormalType, EventReasons.Created, "CreateService",
            $"Created ECS service {created.ServiceArn} running {EcsNames.TaskDefinitionFamilyRevision(taskDefinition)}", cancellationToken);
        var scaling = await SyncAutoScalingAsync(clients, obj, owner, cluster, name, apply: true, cancellationToken);
        return await FinishAsync(obj, created, taskDefinition, scaling.Status, null, false, false, cancellationToken);
    }

    /// <summary>Writes the live status and the state it stands for, records rollout events, and picks when to look again.</summary>
    private async Task<ReconcileResult> FinishAsync(EcsService obj, Service live, string taskDefinition, AutoScalingStatus? scaling,
        DriftObservation? drift, bool reportedDrift, bool freshFailure, CancellationToken cancellationToken)
    {
        var previous = obj.Status;
        var observed = RolloutObserver.Observe(live, taskDefinition, previous?.Rollout);
        var state = ServiceStatusCalculator.State(live, observed);
        var rollout = observed.Rollout;
        if (reportedDrift)
        {
            // Under Report the spec is still what was applied: status keeps the rollout of the spec's revision (so the
            // next resync still sees drift, not an update to make) and the object stays Ready, with Drifted saying why not quite.
            rollout = previous?.Rollout ?? rollout;
            state = new ReconcileState.Ready($"{previous?.Rollout?.TaskDefinitionArn ?? taskDefinition} was rolled out; the service changed outside the operator since (driftPolicy Report)");
        }

        var name = live.ServiceName ?? ServiceTranslator.ServiceName(obj);
        if (observed.Phase == RolloutPhase.Failed && freshFailure)
        {
            logger.LogWarning("EcsService {Namespace}/{Name} rollout failed: {Message}", obj.Metadata.Namespace, obj.Metadata.Name, observed.Message);
            await events.RecordAsync(obj, Event.WarningType, EventReasons.RolloutFailed, "DescribeServices", observed.Message, cancellationToken);
        }
        else if (observed.Phase == RolloutPhase.Completed && state is ReconcileState.Ready && !reportedDrift
            && !(ConditionSet.IsTrue(previous?.Conditions, ConditionTypes.Ready) && previous?.Rollout?.DeploymentId == observed.Rollout.DeploymentId))
        {
            await events.RecordAsync(obj, Event.NormalType, EventReasons.RolloutCompleted, "DescribeServices",
                $"ECS service {name}: {observed.Message}", cancellationToken);
        }

        var now = time.GetUtcNow();
        await WriteStatusAsync(obj, s => ServiceStatusCalculator.Observe(s, live, observed) with
        {
            Rollout = rollout,
            AutoScaling = scaling,
            Drift = drift is { Fields.Count: > 0 }
                ? new DriftStatus { DetectedAt = now, Fields = drift.Fields, Corrected = drift.Corrected, CorrectedAt = drift.Corrected ? now : null }
                : s.Drift,
        }, state, drift, cancellationToken);

        // Ready and failed services are looked at again by the resync sweep (batched DescribeServices), not a timer each.
        return state is ReconcileState.Ready or ReconcileState.Stalled
            ? requeue.Resync(EcsService.KindName)
            : ReconcileResult.After(options.RolloutRecheckInterval);
    }

    private async Task<AutoScalingSyncResult> SyncAutoScalingAsync(AwsClients clients, EcsService obj, string owner, string cluster, string name, bool apply, CancellationToken cancellationToken) =>
        await autoScalingFor(clients.AutoScaling).SyncAsync(new AutoScalingSyncRequest(
            obj.Spec.AutoScaling,
            EcsNames.ClusterName(cluster),
            name,
            owner,
            MayExist: obj.Spec.AutoScaling is not null || obj.Status?.AutoScaling is not null,
            Apply: apply), cancellationToken);

    /// <summary>
    /// An external task definition as given (ARN or family:revision); a bare family means its latest ACTIVE revision,
    /// as in ECS, resolved here so that the service is compared with (and rolls to) a definite revision.
    /// </summary>
    private static async Task<string> ResolveExternalAsync(AwsClients clients, string taskDefinition, CancellationToken cancellationToken)
    {
        if (EcsNames.TaskDefinitionRevision(taskDefinition) is not null)
            return taskDefinition;
        var described = await clients.Ecs.DescribeTaskDefinitionAsync(new DescribeTaskDefinitionRequest { TaskDefinition = taskDefinition }, cancellationToken);
        return described.TaskDefinition?.TaskDefinitionArn ?? taskDefinition;
    }

    /// <summary>
    /// The revision of the inline template: the one registered before (remembered, or found by owner and hash tags
    /// after a restart), else a newly registered one.
    /// </summary>
    private async Task<string> EnsureInlineRevisionAsync(AwsClients clients, EcsService obj, string owner, CancellationToken cancellationToken)
    {
        var template = obj.Spec.TaskDefinitionTemplate ?? throw new InvalidOperationException("no task definition source (the validator lets none through)");
        var family = InlineFamily(obj);
        var translated = TaskDefinitionTranslator.Translate(template, family, owner);
        var key = ObjectKey.Of(obj);
        if (_inline.TryGetValue(key, out var known) && known.SpecHash == translated.SpecHash)
            return known.Arn;

        var revisions = new OwnedRevisions(clients.Ecs);
        var active = await revisions.ListAsync(family, Active, cancellationToken);
        var scan = await revisions.FindOwnedAsync(active, new Dictionary<int, TaskDefinitionRevision>(), translated.SpecHash, owner, cancellationToken);
        if (scan.ForeignOwner is { } foreign)
        {
            var tagged = foreign.Length == 0 ? $"carries no {OwnershipTags.OwnerKey} tag" : $"is tagged {OwnershipTags.OwnerKey}={foreign}";
            throw new ServiceStallException(ConditionReasons.NotOwned,
                $"task-definition family {family} is managed by someone else (its latest revision {tagged}): set spec.taskDefinitionTemplate.family to another family");
        }

        var arn = scan.Match?.TaskDefinitionArn;
        if (arn is null)
        {
            var registered = (await clients.Ecs.RegisterTaskDefinitionAsync(translated.Request, cancellationToken)).TaskDefinition
                ?? throw new InvalidOperationException("RegisterTaskDefinition returned no task definition");
            arn = registered.TaskDefinitionArn ?? throw new InvalidOperationException("RegisterTaskDefinition returned no ARN");
            await events.RecordAsync(obj, Event.NormalType, EventReasons.RevisionRegistered, "RegisterTaskDefinition",
                $"Registered revision {registered.Revision} ({arn}) of the inline task definition", cancellationToken);
        }

        _inline[key] = (translated.SpecHash, arn);
        return arn;
    }

    private async Task<ReconcileResult> DeleteAsync(EcsService obj, string owner, CancellationToken cancellationToken)
    {
        if (!obj.HasFinalizer(ApiGroup.CleanupFinalizer))
            return ReconcileResult.Done;
        if (obj.Spec.DeletionPolicy == DeletionPolicy.Retain)
        {
            await _client.RemoveFinalizerAsync(obj, ApiGroup.CleanupFinalizer, cancellationToken);
            return ReconcileResult.Done;
        }

        // Refused by the tenancy rules before any AWS call and never created: nothing to look for in AWS.
        if (obj.Status?.ServiceArn is null && StalledFor(obj, ConditionReasons.Forbidden, anyGeneration: true))
        {
            await _client.RemoveFinalizerAsync(obj, ApiGroup.CleanupFinalizer, cancellationToken);
            return ReconcileResult.Done;
        }

        var clients = aws.For(obj.Metadata.Namespace!);
        var name = obj.Status?.ServiceName ?? ServiceTranslator.ServiceName(obj);
        var cluster = obj.Status?.ClusterName ?? clusters.Resolve(obj).Name;
        var live = cluster is null ? null : await DescribeAsync(clients, cluster, name, cancellationToken);
        // Never touch a service that is not ours: one we never created or adopted, or someone else's.
        if (live is not null && cluster is not null && live.Status is Active or Draining && Tag(live.Tags, OwnershipTags.OwnerKey) == owner)
        {
            InvalidateSnapshot(cluster, name);
            if (live.Status == Active)
            {
                // Autoscaling first, or it could scale the service back up while it drains.
                await autoScalingFor(clients.AutoScaling).SyncAsync(new AutoScalingSyncRequest(null, EcsNames.ClusterName(cluster), name, owner,
                    MayExist: obj.Spec.AutoScaling is not null || obj.Status?.AutoScaling is not null, Apply: true), cancellationToken);
                if ((live.DesiredCount ?? 0) > 0)
                    await clients.Ecs.UpdateServiceAsync(new UpdateServiceRequest { Cluster = cluster, Service = name, DesiredCount = 0 }, cancellationToken);
                await clients.Ecs.DeleteServiceAsync(new DeleteServiceRequest { Cluster = cluster, Service = name, Force = true }, cancellationToken);
                InvalidateSnapshot(cluster, name);
                logger.LogInformation("Deleted ECS service {Name} in {Cluster} for EcsService {Namespace}/{Object}", name, cluster, obj.Metadata.Namespace, obj.Metadata.Name);
                await events.RecordAsync(obj, Event.NormalType, EventReasons.Deleted, "DeleteService", $"Deleted ECS service {name}; waiting for it to drain", cancellationToken);
            }

            await WriteStatusAsync(obj, s => s with { AutoScaling = null },
                new ReconcileState.Deleting($"ECS service {name} is draining: {live.RunningCount ?? 0} tasks still running"), null, cancellationToken);
            return ReconcileResult.After(options.RolloutRecheckInterval);
        }

        if (obj.Spec.TaskDefinitionTemplate is not null && !await RetireInlineRevisionsAsync(clients, obj, owner, cancellationToken))
            return ReconcileResult.After(options.DeletionRecheckInterval);

        await _client.RemoveFinalizerAsync(obj, ApiGroup.CleanupFinalizer, cancellationToken);
        return ReconcileResult.Done;
    }

    /// <summary>Deregisters and deletes the inline template's revisions; false while a live deployment still runs one.</summary>
    private async Task<bool> RetireInlineRevisionsAsync(AwsClients clients, EcsService obj, string owner, CancellationToken cancellationToken)
    {
        var family = InlineFamily(obj);
        var none = new HashSet<int>();
        var revisions = new OwnedRevisions(clients.Ecs);
        var ownedActive = await revisions.OwnedAsync(family, Active, owner, none, cancellationToken);
        var ownedInactive = await revisions.OwnedAsync(family, Inactive, owner, none, cancellationToken);
        if (ownedActive.Count + ownedInactive.Count == 0)
            return true;

        var inUse = (await usage.InUseAsync(obj.Metadata.Namespace!, family, cancellationToken)).Select(EcsNames.TaskDefinitionRevision).OfType<int>().ToHashSet();
        foreach (var revision in ownedActive.Where(r => !inUse.Contains(r)).Order())
            await revisions.DeregisterAsync($"{family}:{revision}", cancellationToken);
        await revisions.DeleteAsync(family, RevisionHistory.ToDelete(ownedActive.Concat(ownedInactive), inUse), cancellationToken);
        var still = ownedActive.Concat(ownedInactive).Where(inUse.Contains).Distinct().Order().ToList();
        if (still.Count == 0)
            return true;

        var names = string.Join(", ", still.Select(r => $"{family}:{r}"));
        await WriteStatusAsync(obj, s => s, new ReconcileState.Deleting($"waiting for services to stop using {names} before deleting them"), null, cancellationToken);
        return false;
    }

    private static async Task<Service?> DescribeAsync(AwsClients clients, string cluster, string name, CancellationToken cancellationToken)
    {
        var response = await clients.Ecs.DescribeServicesAsync(new DescribeServicesRequest { Cluster = cluster, Services = [name], Include = IncludeTags }, cancellationToken);
        // ECS may list an old INACTIVE service and a new ACTIVE one of the same name: the live one wins.
        var found = (response.Services ?? []).Where(s => s.ServiceName == name).ToList();
        return found.FirstOrDefault(s => s.Status != Inactive) ?? found.FirstOrDefault();
    }

    private async Task<ReconcileResult> StallAsync(EcsService obj, string reason, string message, CancellationToken cancellationToken)
    {
        await WriteStatusAsync(obj, s => s, new ReconcileState.Stalled(reason, message), null, cancellationToken);
        return requeue.Resync(EcsService.KindName); // permissions may be fixed, the other owner may let go
    }

    private async Task WriteStatusAsync(EcsService obj, Func<EcsServiceStatus, EcsServiceStatus> edit, ReconcileState state,
        DriftObservation? drift, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        // The generation this reconcile acted on, not that of a re-read after a conflict: a spec edit that raced this
        // write must not be reported as applied (or its differences later taken for drift).
        var generation = obj.Metadata.Generation ?? 0;
        await _client.UpdateStatusAsync(obj, o =>
        {
            var status = edit(o.Status ?? new EcsServiceStatus());
            return o with
            {
                Status = status with
                {
                    ObservedGeneration = generation,
                    Conditions = ConditionsCalculator.Compute(status.Conditions, state, drift, generation, now),
                },
            };
        }, cancellationToken);
    }

    private void InvalidateSnapshot(EcsService obj)
    {
        if (obj.Status?.ClusterName is { } cluster)
            snapshots.Invalidate(cluster, obj.Status.ServiceName ?? ServiceTranslator.ServiceName(obj));
    }

    private void InvalidateSnapshot(string cluster, string name) => snapshots.Invalidate(cluster, name);

    /// <summary>Reconciling's reason while waiting on a dependency (Ready says Pending): creating or updating the service.</summary>
    private static string Waiting(EcsService obj) => obj.Status?.ServiceArn is null ? ConditionReasons.Creating : ConditionReasons.Updating;

    private static string InlineFamily(EcsService obj) =>
        obj.Spec.TaskDefinitionTemplate?.Family ?? TaskDefinitionTranslator.DefaultFamily(obj.Metadata.Namespace!, obj.Metadata.Name!);

    /// <summary>The comparison without the task definition: used while the spec's revision failed for this generation.</summary>
    private static ServiceComparison WithoutTaskDefinition(ServiceComparison comparison)
    {
        var rest = comparison.Differences.Where(d => d.Path != "taskDefinition").ToList();
        var update = rest.Any(d => d.Kind != Core.Diffing.ChangeKind.Immutable) ? comparison.Update! with { TaskDefinition = null } : null;
        return new ServiceComparison(rest, update);
    }

    /// <summary>Whether status already recorded this failed deployment (so the failure is not news).</summary>
    private static bool SameFailure(RolloutStatus? recorded, RolloutStatus observed) =>
        recorded is { State: "FAILED" } && recorded.DeploymentId == observed.DeploymentId;

    /// <summary>Whether status says the current generation (or, with <paramref name="anyGeneration"/>, any) is Stalled for <paramref name="reason"/>.</summary>
    private static bool StalledFor(EcsService obj, string reason, bool anyGeneration = false) =>
        ConditionSet.Find(obj.Status?.Conditions, ConditionTypes.Stalled) is { Status: ConditionStatus.True } stalled
        && stalled.Reason == reason
        && (anyGeneration || stalled.ObservedGeneration == obj.Metadata.Generation);

    /// <summary>Whether the status says the current generation was applied successfully (Ready for it).</summary>
    private static bool IsAppliedGeneration(EcsService obj) =>
        obj.Status is { } status
        && status.ObservedGeneration == obj.Metadata.Generation
        && ConditionSet.Find(status.Conditions, ConditionTypes.Ready) is { Status: ConditionStatus.True } ready
        && ready.ObservedGeneration == obj.Metadata.Generation;

    private static string? Tag(IReadOnlyList<Tag>? tags, string key) => tags?.FirstOrDefault(t => t.Key == key)?.Value;
}
