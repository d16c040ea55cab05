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
using EcsOperator.Core.Services.Deployments;
using EcsOperator.Core.TaskDefinitions;
using EcsOperator.Core.Validation;
using EcsOperator.Hosting;
using EcsOperator.Kubernetes.Events;
using EcsOperator.Kubernetes.Model;
using EcsOperator.Kubernetes.Rest;
using EcsOperator.Reconcilers.Managed;
using EcsOperator.Reconcilers.TaskDefinitions;
using Microsoft.Extensions.Logging;

namespace EcsOperator.Reconcilers.Services;

/// <summary>
/// EcsService in AWS (DESIGN section 4): the task definition it runs (a referenced EcsTaskDefinition's revision, an
/// external one, or an inline template registered under the owner and hash tags), the ECS service created with the
/// owner tag and sent only what differs, the rollout followed to Ready or RolloutFailed (a failed revision is never
/// pushed twice for one generation), Application Auto Scaling kept in step (<see cref="IServiceAutoScaling"/>), and
/// the ordered deletion (autoscaling, scale to 0, DeleteService, wait for INACTIVE). Ready services are read back by
/// the batched resync (<see cref="BatchedServiceResync"/>, through <see cref="ServiceSnapshots"/>).
/// </summary>
public sealed class ServiceExternalClient(
    ReferenceResolver references,
    ServiceClusters clusters,
    ServiceSnapshots snapshots,
    ServiceRolloutRechecks rechecks,
    Func<IApplicationAutoScalingApi, IServiceAutoScaling> autoScalingFor,
    ITaskDefinitionUsage usage,
    IEventRecorder events,
    OperatorOptions options,
    TimeProvider time,
    ILogger<ServiceExternalClient> logger)
    : ExternalClient<EcsService, EcsServiceStatus, ServiceExternalClient.Live>
{
    private static readonly string[] IncludeTags = [ServiceField.Tags];

    // The revision registered for each object's inline template, by spec hash: resyncs then cost no task-definition calls.
    private readonly ConcurrentDictionary<ObjectKey, (string SpecHash, string Arn)> _inline = new();

    // The rollback annotation value last warned about as unusable, so RollbackIgnored is said once, not every resync.
    private readonly ConcurrentDictionary<ObjectKey, string> _ignoredRollbacks = new();

    // Objects whose CreateService without a read was refused (the name is taken: NotOwned, awaiting adoption, DRAINING):
    // they read first from then on, so a stalled object's retries cost no refused mutation.
    private readonly ConcurrentDictionary<ObjectKey, bool> _refused = new();

    // What the annotation rolled back, until status (read from the informer cache, which may lag the write) shows it.
    private readonly ConcurrentDictionary<ObjectKey, (string Id, long Generation)> _rolledBack = new();

    public override ManagedKind<EcsService, EcsServiceStatus> Kind { get; } = new(
        EcsService.KindName, OperatorResourceTypes.Services, ApiJsonContext.Default.EcsService,
        o => o.Status, (o, s) => o with { Status = s }, () => new EcsServiceStatus(),
        (s, generation, conditions) => s with { ObservedGeneration = generation, Conditions = conditions },
        (s, drift, now) => s with
        {
            Drift = new DriftStatus { DetectedAt = now, Fields = drift.Fields, Corrected = drift.Corrected, CorrectedAt = drift.Corrected ? now : null },
        });

    public override IReadOnlyList<SpecGuard<EcsService>> Guards =>
    [
        new(ConditionReasons.InvalidSpec, Invalid),
        SpecGuard<EcsService>.Tenancy,
        new(ConditionReasons.ImmutableFieldChanged, Moved),
    ];

    public override string Describe(EcsService obj) => $"ECS service {ServiceTranslator.ServiceName(obj)}";

    public override DeletionPolicy DeletionPolicyOf(EcsService obj) => obj.Spec.DeletionPolicy;

    public override AdoptionPolicy? AdoptionPolicyOf(EcsService obj) => obj.Spec.AdoptionPolicy;

    public override DriftPolicy DriftPolicyOf(EcsService obj) => obj.Spec.DriftPolicy;

    public override bool RecordsAwsResource(EcsService obj) => obj.Status?.ServiceArn is not null;

    /// <summary>The referenced EcsTaskDefinition without a revision of its spec, or the referenced EcsCluster not Ready.</summary>
    public override DependencyWait? WaitingFor(EcsService obj) =>
        (obj.Spec.TaskDefinitionRef is { } tdRef ? DependencyWait.Of(references.TaskDefinition(obj.Metadata.Namespace, tdRef.Name)) : null)
        ?? (clusters.Resolve(obj) is { WaitingFor: { } why } cluster ? new DependencyWait(why, cluster.NotYetObserved) : null);

    public override void Forget(ObjectKey key)
    {
        rechecks.Forget(key);
        _refused.TryRemove(key, out _);
        _inline.TryRemove(key, out _);
        _ignoredRollbacks.TryRemove(key, out _);
        _rolledBack.TryRemove(key, out _);
    }

    public override async Task<ExternalObservation<EcsServiceStatus, Live>> ObserveAsync(ManagedContext<EcsService> context, CancellationToken cancellationToken)
    {
        var obj = context.Object;
        var clients = context.Aws;
        var cluster = clusters.Resolve(obj).Name!; // WaitingFor held the object back until it resolved
        var name = ServiceTranslator.ServiceName(obj);
        var inline = default(InlineRevision);
        var taskDefinition = ReferencedRevision(obj)
            ?? (obj.Spec.TaskDefinition is { } external ? await ResolveExternalAsync(clients, external, cancellationToken) : null);
        if (taskDefinition is null)
        {
            inline = await FindInlineRevisionAsync(clients, obj, context.Owner, cancellationToken);
            if (inline.Refusal is { } refused)
                return new() { Refusal = refused };
            taskDefinition = inline.Arn; // null: the template's revision is registered by Create or Update
        }

        rechecks.Forget(ObjectKey.Of(obj)); // looked at now
        Service? live;
        try
        {
            live = snapshots.Take(cluster, name, options.ServiceSnapshotMaxAge);
            if (live is null && AssumeMissing(context, taskDefinition))
            {
                // Status records no ECS service, so Create goes straight to CreateService, without a DescribeServices
                // first: ECS refuses a second service of the name ("Creation of service was not idempotent.", or a
                // DRAINING one), and the clientToken (the object's uid) returns the service an earlier attempt of this
                // object created when the request is the same. A refusal is read the usual way
                // (CreateRefusedException), so adoption, NotOwned and a service of ours whose status write was lost
                // (killed operator, lost write, restored API server store) end exactly as if described first.
                return new() { Exists = false, Live = new Live(cluster, name, taskDefinition, inline, null) { AssumedMissing = true } };
            }

            live ??= await DescribeAsync(clients, obj, cluster, name, cancellationToken);
        }
        catch (AwsServiceException e) when (e.ErrorCode == "ClusterNotFoundException")
        {
            // Said here rather than by the error table, to name the cluster and the two ways to point at one.
            return new() { Refusal = new ReconcileState.Stalled(ConditionReasons.DependencyNotFound,
                $"ECS cluster {EcsNames.ClusterName(cluster)} does not exist: create it (an EcsCluster and spec.clusterRef), or set spec.cluster to an existing cluster") };
        }

        var found = new Live(cluster, name, taskDefinition, inline, live);
        if (live is null || live.Status == ServiceStatusValue.Inactive)
            return new() { Exists = false, Live = found };
        if (live.Status == ServiceStatusValue.Draining)
        {
            // Going away whoever owned it: wait for INACTIVE, then create it again.
            return new()
            {
                OwnerTag = context.Owner,
                Result = new(s => s, new ReconcileState.Progressing(ConditionReasons.Creating,
                    $"ECS service {name} is {ServiceStatusValue.Draining} (deleted outside the operator?): it is created again once {ServiceStatusValue.Inactive}"),
                    options.RolloutRecheckInterval),
            };
        }

        var owner = Tag(live.Tags, OwnershipTags.OwnerKey);
        if (taskDefinition is null)
        {
            // The inline template has no revision yet: registering it is an update, never drift.
            return new() { OwnerTag = owner, Differences = ["taskDefinition"], DesiredChangedSinceApplied = true, Live = found };
        }

        var plan = Plan(obj, Recorded(obj), context.Owner, cluster, taskDefinition, live);
        if (plan.Refusal is { } immutable)
            return new() { OwnerTag = owner, Refusal = immutable };

        var followed = await FollowAsync(clients, obj, cluster, name, live, cancellationToken);

        AutoScalingSyncResult scaling;
        try
        {
            scaling = await SyncAutoScalingAsync(clients, obj, context.Owner, cluster, name, apply: false, cancellationToken);
        }
        catch (ScalableTargetNotOwnedException e)
        {
            return new() { OwnerTag = owner, Refusal = new ReconcileState.Stalled(ConditionReasons.NotOwned, e.Message) };
        }

        var differences = plan.Comparison.Differences.Select(d => d.Path).Distinct()
            .Concat(scaling.Differences.Select(d => $"autoScaling.{d}")).ToList();
        // A new revision of the task definition (same generation) is an update, not drift.
        var rolledOut = obj.Status?.Rollout?.TaskDefinitionArn is { } applied
            && EcsNames.TaskDefinitionFamilyRevision(applied) == EcsNames.TaskDefinitionFamilyRevision(taskDefinition);
        return new()
        {
            OwnerTag = owner,
            Differences = differences,
            DesiredChangedSinceApplied = !rolledOut,
            // The annotation's StopServiceDeployment is work to do, not a difference: Update runs it.
            HousekeepingDue = followed.Rollback is not null,
            Live = found with { Plan = plan, Scaling = scaling, Followed = followed },
            // Used as is when nothing differs, or (when something does) only as the drift reported under driftPolicy Report.
            Result = Finish(obj, live, taskDefinition, scaling.Status, reportedDrift: differences.Count > 0, plan.FreshFailure, followed),
        };
    }

    public override async Task<ExternalResult<EcsServiceStatus>> CreateAsync(ManagedContext<EcsService> context,
        ExternalObservation<EcsServiceStatus, Live> observed, CancellationToken cancellationToken)
    {
        var obj = context.Object;
        var (cluster, name, taskDefinition, inline, _) = observed.Live!;
        taskDefinition ??= await RegisterInlineRevisionAsync(context, inline!, cancellationToken);
        var request = ServiceTranslator.ToCreateRequest(obj, taskDefinition, cluster, context.Owner);
        snapshots.Invalidate(cluster, name);
        Service created;
        try
        {
            created = (await context.Aws.Ecs.CreateServiceAsync(request, cancellationToken)).Service
                ?? throw new InvalidOperationException("CreateService returned no service");
        }
        catch (AwsServiceException e) when (observed.Live!.AssumedMissing && e.ErrorCode is "InvalidParameterException" or "ClusterNotFoundException")
        {
            // Possibly there after all (or the cluster is missing): read it, then go on as if it had been read first.
            // A request ECS refuses for itself is refused again by the Create that follows the read, as before.
            _refused[ObjectKey.Of(obj)] = true;
            throw new CreateRefusedException($"CreateService {name} in {cluster} refused ({e.ErrorCode}) without a DescribeServices first", e);
        }
        finally
        {
            snapshots.Invalidate(cluster, name);
        }

        logger.LogInformation("Created ECS service {Arn} for EcsService {Namespace}/{Name}", created.ServiceArn, obj.Metadata.Namespace, obj.Metadata.Name);
        await events.RecordAsync(obj, Event.NormalType, EventReasons.Created, "CreateService",
            $"Created ECS service {created.ServiceArn} running {EcsNames.TaskDefinitionFamilyRevision(taskDefinition)}", cancellationToken);
        return await SyncAndFinishAsync(context, created, cluster, name, taskDefinition, freshFailure: false, cancellationToken);
    }

    public override async Task<ExternalResult<EcsServiceStatus>> UpdateAsync(ManagedContext<EcsService> context,
        ExternalObservation<EcsServiceStatus, Live> observed, bool adopting, CancellationToken cancellationToken)
    {
        var obj = context.Object;
        var ecs = context.Aws.Ecs;
        var found = observed.Live!;
        var (cluster, name, live) = (found.Cluster, found.Name, found.Service!);
        snapshots.Invalidate(cluster, name);
        if (adopting)
            await ecs.TagResourceAsync(new TagResourceRequest { ResourceArn = live.ServiceArn, Tags = [new Tag { Key = OwnershipTags.OwnerKey, Value = context.Owner }] }, cancellationToken);

        var followed = await RollBackAsync(context, found.Followed, cancellationToken);
        var taskDefinition = found.TaskDefinition ?? await RegisterInlineRevisionAsync(context, found.Inline!, cancellationToken);
        var plan = found.Plan ?? Plan(obj, Recorded(obj), context.Owner, cluster, taskDefinition, live);
        if (plan.Refusal is { } immutable)
            return new(s => s, immutable);

        // The spec's tags only (others' tags stay); the owner tag of an adoption is already on.
        if (plan.Comparison.TagResource is { } tags
            && (adopting ? tags with { Tags = [.. tags.Tags!.Where(t => t.Key != OwnershipTags.OwnerKey)] } : tags) is { Tags.Count: > 0 } toTag)
            await ecs.TagResourceAsync(toTag, cancellationToken);

        var after = live;
        if (plan.Comparison.Update is { } update)
        {
            try
            {
                after = (await ecs.UpdateServiceAsync(update, cancellationToken)).Service ?? live;
            }
            catch (AwsServiceException e) when (e.ErrorCode == "ServiceNotActiveException")
            {
                // Deleted between describe and update: the next reconcile (soon) finds it gone and creates it again.
                return new(s => s, new ReconcileState.Progressing(ConditionReasons.Creating, $"ECS service {name} was deleted while being updated; it is created again"),
                    options.RolloutRecheckInterval);
            }
            finally
            {
                snapshots.Invalidate(cluster, name);
            }

            var fields = string.Join(", ", plan.Comparison.Differences.Select(d => d.Path).Distinct());
            logger.LogInformation("Updated ECS service {Name} for EcsService {Namespace}/{Object}: {Fields}", name, obj.Metadata.Namespace, obj.Metadata.Name, fields);
            if (plan.Comparison.StartsDeployment)
            {
                await events.RecordAsync(obj, Event.NormalType, EventReasons.RolloutStarted, "UpdateService",
                    $"Started a deployment of {EcsNames.TaskDefinitionFamilyRevision(taskDefinition)} ({fields} changed)", cancellationToken);
                followed = await FollowStartedAsync(context.Aws, obj, cluster, name, after, followed, cancellationToken);
            }
        }

        if (found.Scaling is { Differences.Count: 0 } inSync)
            return Finish(obj, after, taskDefinition, inSync.Status, reportedDrift: false, plan.FreshFailure, followed);
        return await SyncAndFinishAsync(context, after, cluster, name, taskDefinition, plan.FreshFailure, cancellationToken, followed);
    }

    public override async Task<DeletionResult> DeleteAsync(ManagedContext<EcsService> context, CancellationToken cancellationToken)
    {
        var obj = context.Object;
        var clients = context.Aws;
        var name = obj.Status?.ServiceName ?? ServiceTranslator.ServiceName(obj);
        var cluster = obj.Status?.ClusterName ?? clusters.Resolve(obj).Name;
        var live = cluster is null ? null : await DescribeAsync(clients, cluster, name, cancellationToken);
        // Never touch a service that is not ours: one we never created or adopted, or someone else's.
        if (live is not null && cluster is not null && live.Status is ServiceStatusValue.Active or ServiceStatusValue.Draining
            && Tag(live.Tags, OwnershipTags.OwnerKey) == context.Owner)
        {
            snapshots.Invalidate(cluster, name);
            if (live.Status == ServiceStatusValue.Active)
            {
                // Autoscaling first, or it could scale the service back up while it drains.
                await autoScalingFor(clients.AutoScaling).SyncAsync(new AutoScalingSyncRequest(null, EcsNames.ClusterName(cluster), name, context.Owner,
                    MayExist: obj.Spec.AutoScaling is not null || obj.Status?.AutoScaling is not null, Apply: true), cancellationToken);
                if ((live.DesiredCount ?? 0) > 0)
                    await clients.Ecs.UpdateServiceAsync(new UpdateServiceRequest { Cluster = cluster, Service = name, DesiredCount = 0 }, cancellationToken);
                await clients.Ecs.DeleteServiceAsync(new DeleteServiceRequest { Cluster = cluster, Service = name, Force = true }, cancellationToken);
                snapshots.Invalidate(cluster, name);
                logger.LogInformation("Deleted ECS service {Name} in {Cluster} for EcsService {Namespace}/{Object}", name, cluster, obj.Metadata.Namespace, obj.Metadata.Name);
                await events.RecordAsync(obj, Event.NormalType, EventReasons.Deleted, "DeleteService", $"Deleted ECS service {name}; waiting for it to drain", cancellationToken);
            }

            return DeletionResult.Waiting($"ECS service {name} is draining: {live.RunningCount ?? 0} tasks still running", options.RolloutRecheckInterval);
        }

        if (obj.Spec.TaskDefinitionTemplate is not null && await RetireInlineRevisionsAsync(context, cancellationToken) is { } inUse)
            return DeletionResult.Waiting($"waiting for services to stop using {inUse} before deleting them", options.DeletionRecheckInterval);
        return DeletionResult.Done;
    }

    /// <summary>A deletion waits only after autoscaling was removed: status no longer shows a target that is gone.</summary>
    public override EcsServiceStatus WhileDeleting(EcsServiceStatus status) => status with { AutoScaling = null };

    /// <summary>Syncs Application Auto Scaling (a scalable target someone else owns stalls NotOwned), then reads the service's state.</summary>
    private async Task<ExternalResult<EcsServiceStatus>> SyncAndFinishAsync(ManagedContext<EcsService> context, Service live, string cluster, string name,
        string taskDefinition, bool freshFailure, CancellationToken cancellationToken, FollowedDeployment? followed = null)
    {
        try
        {
            var scaling = await SyncAutoScalingAsync(context.Aws, context.Object, context.Owner, cluster, name, apply: true, cancellationToken);
            return Finish(context.Object, live, taskDefinition, scaling.Status, reportedDrift: false, freshFailure, followed);
        }
        catch (ScalableTargetNotOwnedException e)
        {
            var observed = Finish(context.Object, live, taskDefinition, context.Object.Status?.AutoScaling, reportedDrift: false, freshFailure, followed);
            return observed with { State = new ReconcileState.Stalled(ConditionReasons.NotOwned, e.Message), RequeueAfter = null, Events = [] };
        }
    }

    /// <summary>The status and state of the described service, the rollout events that are news, and when to look again.</summary>
    /// <param name="reportedDrift">The result stands for drift only reported (driftPolicy Report): Ready on the rollout that was applied.</param>
    private ExternalResult<EcsServiceStatus> Finish(EcsService obj, Service live, string taskDefinition, AutoScalingStatus? scaling, bool reportedDrift, bool freshFailure,
        FollowedDeployment? followed = null)
    {
        var previous = obj.Status;
        var observed = RolloutObserver.Observe(live, taskDefinition, previous?.Rollout);
        var state = ServiceStatusCalculator.State(live, observed);
        var deployment = followed?.Observation;
        // A blue/green, linear or canary deployment is judged by its service deployment (stages, bake, rollback).
        if (deployment is not null && live.Status == ServiceStatusValue.Active)
            state = deployment.State;
        var rollout = ServiceDeploymentTracking.Merge(observed.Rollout, deployment, followed?.Recorded ?? previous?.Rollout);
        var generation = obj.Metadata.Generation ?? 0;
        if (RollbackAnnotation.HoldsRevision(rollout, generation))
            state = ServiceDeploymentTracking.Held(rollout, generation, live.TaskDefinition);
        else if (ExternalDeploymentControllers.Check(live.DeploymentController?.Type, live.TaskDefinition, taskDefinition) is { } external)
            state = external;

        if (reportedDrift)
        {
            // Under Report the spec is still what was applied: status keeps the rollout of the spec's revision (so the
            // next resync still sees drift, not an update to make) and the object stays Ready, with Drifted saying why not quite.
            rollout = previous?.Rollout ?? rollout;
            state = new ReconcileState.Ready($"{previous?.Rollout?.TaskDefinitionArn ?? taskDefinition} was rolled out; the service changed outside the operator since (driftPolicy Report)");
        }

        var news = new List<PendingEvent>();
        if (observed.Phase == RolloutPhase.Failed && freshFailure)
        {
            logger.LogWarning("EcsService {Namespace}/{Name} rollout failed: {Message}", obj.Metadata.Namespace, obj.Metadata.Name, observed.Message);
            news.Add(new(Event.WarningType, EventReasons.RolloutFailed, "DescribeServices", observed.Message));
        }
        else if (state is ReconcileState.Ready ready && !reportedDrift
            && (observed.Phase == RolloutPhase.Completed || deployment?.State is ReconcileState.Ready)
            && !(ConditionSet.IsTrue(previous?.Conditions, ConditionTypes.Ready) && previous?.Rollout?.DeploymentId == observed.Rollout.DeploymentId))
        {
            // A service deployment (blue/green, linear, canary) judges its own success: it can be SUCCESSFUL while the
            // old tasks still drain (running above desired), and the Ready written then must carry the event, since
            // the pass that later sees the counts settle finds Ready already recorded for this deployment.
            var completed = observed.Phase == RolloutPhase.Completed ? observed.Message : ready.Message;
            news.Add(new(Event.NormalType, EventReasons.RolloutCompleted, "DescribeServices", $"ECS service {live.ServiceName ?? ServiceTranslator.ServiceName(obj)}: {completed}"));
        }

        if (!reportedDrift && ServiceDeploymentTracking.StageEvent(deployment) is { } stage)
            news.Add(stage);
        news.AddRange(followed?.Events ?? []);

        // Ready and failed services are looked at again by the batched resync, a rollout in progress every
        // RolloutRecheckInterval (a bake at its end), and a service deployment still moving (even a held rollback) too.
        var recheck = ServiceDeploymentTracking.Recheck(rollout, options.RolloutRecheckInterval, time.GetUtcNow());
        var moving = deployment is not null && ServiceDeploymentTracking.StillMoving(rollout);
        TimeSpan? requeue = moving || state is not (ReconcileState.Ready or ReconcileState.Stalled) ? recheck : null;
        if (requeue is { } soon && live.ClusterArn is { } clusterArn)
            rechecks.Expect(ObjectKey.Of(obj), obj.Metadata.Namespace!, clusterArn, live.ServiceName ?? ServiceTranslator.ServiceName(obj), time.GetUtcNow() + soon);
        return new(s => ServiceStatusCalculator.Observe(s, live, observed) with { Rollout = rollout, AutoScaling = scaling }, state, requeue) { Events = news };
    }

    /// <summary>
    /// The newest service deployment when the service's deployments are followed (a ROLLING service: no call), and
    /// what the rollback annotation asks (RollbackIgnored said once per value).
    /// </summary>
    private async Task<FollowedDeployment> FollowAsync(AwsClients clients, EcsService obj, string cluster, string name, Service live, CancellationToken cancellationToken)
    {
        var recorded = Recorded(obj);
        var observation = ServiceDeploymentTracking.Follows(live, recorded)
            ? ServiceDeploymentTracking.Observe(ServiceDeploymentTracking.Settled(live, recorded)
                ?? await ServiceDeploymentTracking.NewestAsync(clients.Ecs, cluster, name, cancellationToken), recorded)
            : null;
        var followed = new FollowedDeployment(observation, recorded, []);
        // Decided on what ECS says now, not on the last status: a deployment that ended meanwhile is not stopped.
        switch (RollbackAnnotation.Decide(obj.Metadata.Annotations, observation?.Rollout ?? recorded))
        {
            case RollbackDecision.Stop stop:
                return followed with { Rollback = stop };
            case RollbackDecision.Ignore ignore when !(_ignoredRollbacks.TryGetValue(ObjectKey.Of(obj), out var said) && said == ignore.DeploymentId):
                _ignoredRollbacks[ObjectKey.Of(obj)] = ignore.DeploymentId;
                return followed with { Events = [new(Event.WarningType, EventReasons.RollbackIgnored, "StopServiceDeployment", ignore.Message)] };
            default:
                return followed;
        }
    }

    /// <summary>
    /// StopServiceDeployment ROLLBACK for the annotation, recorded (rolledBackBy, rolledBackGeneration) in the status
    /// this reconcile writes; a deployment that ended between describe and stop is reported, not retried.
    /// </summary>
    private async Task<FollowedDeployment?> RollBackAsync(ManagedContext<EcsService> context, FollowedDeployment? followed, CancellationToken cancellationToken)
    {
        if (followed?.Rollback is not { } stop)
            return followed;
        var obj = context.Object;
        try
        {
            await context.Aws.Ecs.StopServiceDeploymentAsync(RollbackAnnotation.Request(stop), cancellationToken);
        }
        catch (AwsServiceException e) when (e.ErrorCode is "ConflictException" or "ServiceDeploymentNotFoundException")
        {
            _ignoredRollbacks[ObjectKey.Of(obj)] = stop.DeploymentId;
            return followed with
            {
                Rollback = null,
                Events = [.. followed.Events, new(Event.WarningType, EventReasons.RollbackIgnored, "StopServiceDeployment",
                    $"{ApiGroup.RollbackAnnotation}={stop.DeploymentId}: ECS refused to stop service deployment {stop.DeploymentId} ({e.ErrorCode}): it ended before the rollback was asked")],
            };
        }

        logger.LogInformation("Stopped service deployment {Deployment} of EcsService {Namespace}/{Name} with ROLLBACK (annotation {Annotation})",
            stop.DeploymentArn, obj.Metadata.Namespace, obj.Metadata.Name, ApiGroup.RollbackAnnotation);
        var recorded = RollbackAnnotation.Record(followed.Observation?.Rollout ?? followed.Recorded ?? new RolloutStatus(), stop, obj.Metadata.Generation ?? 0);
        _rolledBack[ObjectKey.Of(obj)] = (stop.DeploymentId, obj.Metadata.Generation ?? 0);
        return followed with
        {
            Rollback = null,
            Recorded = recorded,
            Events = [.. followed.Events, new(Event.NormalType, EventReasons.RollbackRequested, "StopServiceDeployment",
                $"Stopped service deployment {stop.DeploymentId} with ROLLBACK as {ApiGroup.RollbackAnnotation} asked: traffic goes back to the previous revision, "
                + $"and the revision of generation {obj.Metadata.Generation} is not pushed again")],
        };
    }

    /// <summary>status.rollout as last written, with a rollback this operator asked for that the cached object does not show yet.</summary>
    private RolloutStatus? Recorded(EcsService obj)
    {
        var recorded = obj.Status?.Rollout;
        if (!_rolledBack.TryGetValue(ObjectKey.Of(obj), out var done) || recorded?.RolledBackBy == done.Id)
            return recorded;
        return (recorded ?? new RolloutStatus()) with { RolledBackBy = done.Id, RolledBackGeneration = done.Generation };
    }

    /// <summary>After an UpdateService that started a traffic-shifting deployment: follow the new service deployment, not the previous one.</summary>
    private static async Task<FollowedDeployment?> FollowStartedAsync(AwsClients clients, EcsService obj, string cluster, string name, Service after,
        FollowedDeployment? followed, CancellationToken cancellationToken)
    {
        if (!ServiceDeploymentProgress.ShiftsTraffic(after.DeploymentConfiguration?.Strategy))
            return followed;
        var newest = await ServiceDeploymentTracking.NewestAsync(clients.Ecs, cluster, name, cancellationToken);
        var previousArn = followed?.Observation?.Rollout.DeploymentArn ?? obj.Status?.Rollout?.DeploymentArn;
        var observation = newest is null || newest.ServiceDeploymentArn == previousArn
            ? null
            : ServiceDeploymentTracking.Observe(newest, followed?.Recorded ?? obj.Status?.Rollout);
        return (followed ?? new FollowedDeployment(null, null, [])) with { Observation = observation };
    }

    /// <summary>
    /// What to send to bring <paramref name="live"/> to the spec: nothing about the task definition while the spec's
    /// revision failed for this generation (a spec edit or a new revision tries again), a refusal for immutable fields.
    /// </summary>
    private static ServicePlan Plan(EcsService obj, RolloutStatus? recorded, string owner, string cluster, string taskDefinition, Service live)
    {
        var desired = ServiceTranslator.ToDesiredState(obj, taskDefinition, cluster, owner);
        var comparison = ServiceComparer.Compare(desired, live, autoScalingOwnsDesiredCount: obj.Spec.AutoScaling is not null);
        if (comparison.Immutable is { Count: > 0 } immutable)
        {
            var fields = string.Join(", ", immutable.Select(d => $"spec.{d.Path} (live {d.Live ?? "unset"}, spec {d.Desired ?? "unset"})"));
            return new(comparison, false, new ReconcileState.Stalled(ConditionReasons.ImmutableFieldChanged,
                $"ECS cannot change {fields} of a live service: set it back, or delete this object and create a new one"));
        }

        var observed = RolloutObserver.Observe(live, taskDefinition, obj.Status?.Rollout);
        var freshFailure = observed.Phase == RolloutPhase.Failed && !SameFailure(obj.Status?.Rollout, observed.Rollout);
        var failedThisGeneration = observed.Phase == RolloutPhase.Failed
            && (freshFailure || StalledForRolloutThisGeneration(obj) || ServiceDeploymentTracking.RollingBackThisGeneration(obj));
        // Rolled back by the annotation in this generation: the revision stays where the rollback left it.
        var held = RollbackAnnotation.HoldsRevision(recorded, obj.Metadata.Generation ?? 0);
        var controller = live.DeploymentController?.Type;
        if (failedThisGeneration || held || ExternalDeploymentControllers.IsExternal(controller))
            comparison = WithoutTaskDefinition(comparison);
        // CODE_DEPLOY and EXTERNAL services: only what ECS lets UpdateService change (a new revision is Stalled in Finish).
        if (comparison.Update is { } update && ExternalDeploymentControllers.IsExternal(controller))
            comparison = new ServiceComparison(comparison.Differences, ExternalDeploymentControllers.Restrict(update, controller));
        return new(comparison, freshFailure, null);
    }

    private async Task<AutoScalingSyncResult> SyncAutoScalingAsync(AwsClients clients, EcsService obj, string owner, string cluster, string name, bool apply,
        CancellationToken cancellationToken) =>
        await autoScalingFor(clients.AutoScaling).SyncAsync(new AutoScalingSyncRequest(
            obj.Spec.AutoScaling,
            EcsNames.ClusterName(cluster),
            name,
            owner,
            MayExist: obj.Spec.AutoScaling is not null || obj.Status?.AutoScaling is not null,
            Apply: apply), cancellationToken);

    private string? ReferencedRevision(EcsService obj) =>
        obj.Spec.TaskDefinitionRef is { } tdRef ? references.TaskDefinition(obj.Metadata.Namespace, tdRef.Name).Object?.Status?.TaskDefinitionArn : null;

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
    /// The revision of the inline template registered before (remembered, or found by owner and hash tags after a
    /// restart); a null ARN when it still has to be registered; a refusal when the family is someone else's.
    /// </summary>
    private async Task<InlineRevision> FindInlineRevisionAsync(AwsClients clients, EcsService obj, string owner, CancellationToken cancellationToken)
    {
        var template = obj.Spec.TaskDefinitionTemplate ?? throw new InvalidOperationException("no task definition source (the validator lets none through)");
        var family = InlineFamily(obj);
        var translated = TaskDefinitionTranslator.Translate(template, family, owner);
        if (_inline.TryGetValue(ObjectKey.Of(obj), out var known) && known.SpecHash == translated.SpecHash)
            return new(family, translated, known.Arn, null);

        var revisions = new OwnedRevisions(clients.Ecs);
        var active = await revisions.ListAsync(family, TaskDefinitionStatus.Active, cancellationToken);
        var scan = await revisions.FindOwnedAsync(active, new Dictionary<int, TaskDefinitionRevision>(), translated.SpecHash, owner, cancellationToken);
        if (scan.ForeignOwner is { } foreign)
        {
            var tagged = foreign.Length == 0 ? $"carries no {OwnershipTags.OwnerKey} tag" : "is owned by another object";
            return new(family, translated, null, new ReconcileState.Stalled(ConditionReasons.NotOwned,
                $"task-definition family {family} is managed by someone else (its latest revision {tagged}): set spec.taskDefinitionTemplate.family to another family"));
        }

        if (scan.Match?.TaskDefinitionArn is { } arn)
            _inline[ObjectKey.Of(obj)] = (translated.SpecHash, arn);
        return new(family, translated, scan.Match?.TaskDefinitionArn, null);
    }

    private async Task<string> RegisterInlineRevisionAsync(ManagedContext<EcsService> context, InlineRevision inline, CancellationToken cancellationToken)
    {
        var registered = (await context.Aws.Ecs.RegisterTaskDefinitionAsync(inline.Translated.Request, cancellationToken)).TaskDefinition
            ?? throw new InvalidOperationException("RegisterTaskDefinition returned no task definition");
        var arn = registered.TaskDefinitionArn ?? throw new InvalidOperationException("RegisterTaskDefinition returned no ARN");
        await events.RecordAsync(context.Object, Event.NormalType, EventReasons.RevisionRegistered, "RegisterTaskDefinition",
            $"Registered revision {registered.Revision} ({arn}) of the inline task definition", cancellationToken);
        _inline[ObjectKey.Of(context.Object)] = (inline.Translated.SpecHash, arn);
        if (registered.Revision is { } revision)
            await RetireBeyondHistoryAsync(context, inline.Family, revision, cancellationToken);
        return arn;
    }

    /// <summary>
    /// After a new inline revision: the owned ACTIVE ones beyond the history limit that nothing runs are deregistered,
    /// as an EcsTaskDefinition with the default revisionHistoryLimit does (a template has no limit field of its own).
    /// Only on registration, so a settled service pays nothing.
    /// </summary>
    private async Task RetireBeyondHistoryAsync(ManagedContext<EcsService> context, string family, int current, CancellationToken cancellationToken)
    {
        const int limit = EcsTaskDefinitionSpec.DefaultRevisionHistoryLimit;
        var revisions = new OwnedRevisions(context.Aws.Ecs);
        var ownedActive = await revisions.OwnedAsync(family, TaskDefinitionStatus.Active, context.Owner, new HashSet<int>(), cancellationToken);
        if (RevisionHistory.ToDeregister(ownedActive, current, limit, new HashSet<int>()).Count == 0)
            return;
        var inUse = (await usage.InUseAsync(context.Object.Metadata.Namespace!, family, cancellationToken))
            .Select(EcsNames.TaskDefinitionRevision).OfType<int>().ToHashSet();
        foreach (var revision in RevisionHistory.ToDeregister(ownedActive, current, limit, inUse))
            await revisions.DeregisterAsync($"{family}:{revision}", cancellationToken);
    }

    /// <summary>Deregisters and deletes the inline template's revisions; the ones a live deployment still runs (null when none).</summary>
    private async Task<string?> RetireInlineRevisionsAsync(ManagedContext<EcsService> context, CancellationToken cancellationToken)
    {
        var obj = context.Object;
        var family = InlineFamily(obj);
        var none = new HashSet<int>();
        var revisions = new OwnedRevisions(context.Aws.Ecs);
        var ownedActive = await revisions.OwnedAsync(family, TaskDefinitionStatus.Active, context.Owner, none, cancellationToken);
        var ownedInactive = await revisions.OwnedAsync(family, TaskDefinitionStatus.Inactive, context.Owner, none, cancellationToken);
        if (ownedActive.Count + ownedInactive.Count == 0)
            return null;

        var inUse = (await usage.InUseAsync(obj.Metadata.Namespace!, family, cancellationToken)).Select(EcsNames.TaskDefinitionRevision).OfType<int>().ToHashSet();
        foreach (var revision in ownedActive.Where(r => !inUse.Contains(r)).Order())
            await revisions.DeregisterAsync($"{family}:{revision}", cancellationToken);
        await revisions.DeleteAsync(family, RevisionHistory.ToDelete(ownedActive.Concat(ownedInactive), inUse), cancellationToken);
        var still = ownedActive.Concat(ownedInactive).Where(inUse.Contains).Distinct().Order().ToList();
        return still.Count == 0 ? null : string.Join(", ", still.Select(r => $"{family}:{r}"));
    }

    /// <summary>
    /// The service as ECS describes it now, described together with up to 9 services of the namespace and cluster
    /// whose rollout recheck is due within a RolloutRecheckInterval (<see cref="ServiceRolloutRechecks"/>); their
    /// descriptions go to <see cref="ServiceSnapshots"/> for their own reconciles, as the resync sweep's do.
    /// </summary>
    private async Task<Service?> DescribeAsync(AwsClients clients, EcsService obj, string cluster, string name, CancellationToken cancellationToken)
    {
        var within = options.RolloutRecheckInterval < options.ServiceSnapshotMaxAge ? options.RolloutRecheckInterval : options.ServiceSnapshotMaxAge;
        var companions = rechecks.Companions(ObjectKey.Of(obj), obj.Metadata.Namespace!, cluster, name, within, max: 9);
        var mark = snapshots.BeginRead();
        var response = await clients.Ecs.DescribeServicesAsync(new DescribeServicesRequest { Cluster = cluster, Services = [name, .. companions], Include = IncludeTags }, cancellationToken);
        foreach (var other in (response.Services ?? []).Where(s => s.ServiceName != name && s.Status != ServiceStatusValue.Inactive))
            snapshots.Put(other, mark);
        return Pick(response, name);
    }

    private static async Task<Service?> DescribeAsync(AwsClients clients, string cluster, string name, CancellationToken cancellationToken) =>
        Pick(await clients.Ecs.DescribeServicesAsync(new DescribeServicesRequest { Cluster = cluster, Services = [name], Include = IncludeTags }, cancellationToken), name);

    /// <summary>ECS may list an old INACTIVE service and a new ACTIVE one of the same name: the live one wins.</summary>
    private static Service? Pick(DescribeServicesResponse response, string name)
    {
        var found = (response.Services ?? []).Where(s => s.ServiceName == name).ToList();
        return found.FirstOrDefault(s => s.Status != ServiceStatusValue.Inactive) ?? found.FirstOrDefault();
    }

    /// <summary>
    /// Whether Observe may take the service as missing without describing it: status records none, the task
    /// definition is known (an inline revision still to register is registered only once the service is read), and
    /// no refused Create (in this reconcile or an earlier one) asked to read.
    /// </summary>
    private bool AssumeMissing(ManagedContext<EcsService> context, string? taskDefinition) =>
        !context.MustRead && context.Object.Status?.ServiceArn is null && taskDefinition is not null && !_refused.ContainsKey(ObjectKey.Of(context.Object));

    private string? Invalid(EcsService obj)
    {
        var referenced = obj.Spec.TaskDefinitionRef is { } tdRef ? references.TaskDefinition(obj.Metadata.Namespace, tdRef.Name).Object : null;
        var errors = ServiceValidator.Validate(obj.Spec, obj.Metadata.Name!, referenced?.Spec);
        return errors.Count == 0 ? null : string.Join("; ", errors.Select(e => e.ToString()));
    }

    /// <summary>ECS can neither rename a service nor move it to another cluster: a human must resolve either.</summary>
    private string? Moved(EcsService obj)
    {
        if (obj.Status is not { ServiceArn: not null } status)
            return null;
        var name = ServiceTranslator.ServiceName(obj);
        if (status.ServiceName is { } previousName && previousName != name)
            return $"spec.serviceName changed from {previousName} to {name}: ECS cannot rename a service; set it back, or delete this object and create a new one";
        var cluster = clusters.Resolve(obj).Name is { } resolved ? EcsNames.ClusterName(resolved) : null;
        return status.ClusterName is { } previousCluster && cluster is not null && previousCluster != cluster
            ? $"spec.cluster changed from {previousCluster} to {cluster}: ECS cannot move a service; set it back, or delete this object and create a new one"
            : null;
    }

    private static string InlineFamily(EcsService obj) => TaskDefinitionFamilies.OfInlineTemplate(obj)!;

    /// <summary>The comparison without the task definition: used while the spec's revision failed for this generation.</summary>
    private static ServiceComparison WithoutTaskDefinition(ServiceComparison comparison)
    {
        var rest = comparison.Differences.Where(d => d.Path != "taskDefinition").ToList();
        var update = rest.Any(d => d.Kind != Core.Diffing.ChangeKind.Immutable && d.Field != "tags") ? comparison.Update! with { TaskDefinition = null } : null;
        return comparison with { Differences = rest, Update = update };
    }

    /// <summary>Whether status already recorded this failed deployment (so the failure is not news).</summary>
    private static bool SameFailure(RolloutStatus? recorded, RolloutStatus observed) =>
        recorded is { State: "FAILED" } && recorded.DeploymentId == observed.DeploymentId;

    private static bool StalledForRolloutThisGeneration(EcsService obj) =>
        ConditionSet.Find(obj.Status?.Conditions, ConditionTypes.Stalled) is { Status: ConditionStatus.True, Reason: ConditionReasons.RolloutFailed } stalled
        && stalled.ObservedGeneration == obj.Metadata.Generation;

    private static string? Tag(IReadOnlyList<Tag>? tags, string key) => tags?.FirstOrDefault(t => t.Key == key)?.Value;

    /// <summary>What Observe found, for Create and Update: where, which revision (null: the inline one is still to register), the service, the plan.</summary>
    public sealed record Live(string Cluster, string Name, string? TaskDefinition, InlineRevision? Inline, Service? Service)
    {
        /// <summary>Not described: status recorded no service (<see cref="CreateRefusedException"/> if ECS disagrees).</summary>
        public bool AssumedMissing { get; init; }

        public ServicePlan? Plan { get; init; }

        public AutoScalingSyncResult? Scaling { get; init; }

        public FollowedDeployment? Followed { get; init; }
    }

    /// <summary>
    /// The followed service deployment (null: none, or the service rolls), status.rollout with what the annotation
    /// rolled back in this reconcile (null: as recorded), events to record with the status, and a rollback still to ask for.
    /// </summary>
    public sealed record FollowedDeployment(ServiceDeploymentObservation? Observation, RolloutStatus? Recorded, IReadOnlyList<PendingEvent> Events)
    {
        public RollbackDecision.Stop? Rollback { get; init; }
    }

    /// <summary>The inline template translated for its family, its registered revision (null: not yet), or why it cannot be used.</summary>
    public sealed record InlineRevision(string Family, TranslatedTaskDefinition Translated, string? Arn, ReconcileState.Stalled? Refusal);

    /// <summary>The comparison to apply, whether the rollout failure is news, or the immutable fields that refuse it.</summary>
    public sealed record ServicePlan(ServiceComparison Comparison, bool FreshFailure, ReconcileState.Stalled? Refusal);
}
