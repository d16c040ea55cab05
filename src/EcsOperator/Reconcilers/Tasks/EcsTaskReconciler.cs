using System.Collections.Concurrent;
using EcsOperator.Api;
using EcsOperator.Api.Shared;
using EcsOperator.Api.TaskDefinitions;
using EcsOperator.Api.Tasks;
using EcsOperator.Aws.Ecs;
using EcsOperator.Aws.Model.Ecs;
using EcsOperator.Aws.Principals;
using EcsOperator.Aws.Transport;
using EcsOperator.Core.Conditions;
using EcsOperator.Core.Ownership;
using EcsOperator.Core.Tasks;
using EcsOperator.Core.Tenancy;
using EcsOperator.Core.Validation;
using EcsOperator.Hosting;
using EcsOperator.Kubernetes.Controller;
using EcsOperator.Kubernetes.Events;
using EcsOperator.Kubernetes.Model;
using EcsOperator.Kubernetes.Rest;
using EcsOperator.Reconcilers.Managed;
using Microsoft.Extensions.Logging;

namespace EcsOperator.Reconcilers.Tasks;

/// <summary>
/// Drives an EcsTask, one run of a task like a Job: resolves its task definition and cluster (waiting for referenced
/// objects), calls RunTask exactly once per object (adopting tasks an earlier attempt started, found by startedBy and
/// the owner tag; a client token makes a retried call start nothing new), tracks the tasks to STOPPED, reports exit
/// codes and stop reasons, deletes the object ttlSecondsAfterFinished after the run, and stops still-running tasks
/// behind the cleanup finalizer unless deletionPolicy is Retain.
/// </summary>
/// <remarks>
/// Conditions of a finished run: Succeeded is Ready=True (Available); Failed (non-zero exit code, failed to start,
/// RunTask could not place it) is Stalled=True with reason TaskFailed — finished, never retried, so kstatus reports
/// Failed instead of InProgress forever. An EcsTask runs once: spec edits after RunTask are not applied (a
/// SpecChangeIgnored warning event says so); only ttlSecondsAfterFinished and deletionPolicy are read later.
/// </remarks>
public sealed class EcsTaskReconciler(
    IKubernetesClient kubernetes,
    IAwsClientsForNamespace aws,
    INamespaceTenancySource tenancy,
    ReferenceResolver references,
    IEventRecorder events,
    KubernetesClusterId kubernetesClusterId,
    OperatorOptions options,
    RequeuePolicy requeue,
    TimeProvider time,
    ILogger<EcsTaskReconciler> logger) : IReconciler<EcsTask>
{
    /// <summary>EcsTask's status plumbing, shared with the managed kinds' status writer.</summary>
    public static ManagedKind<EcsTask, EcsTaskStatus> Kind { get; } = new(
        EcsTask.KindName, OperatorResourceTypes.Tasks, ApiJsonContext.Default.EcsTask,
        o => o.Status, (o, s) => o with { Status = s }, () => new EcsTaskStatus(),
        (s, generation, conditions) => s with { ObservedGeneration = generation, Conditions = conditions });

    private const string Stopped = "STOPPED";
    private static readonly string[] IncludeTags = ["TAGS"];

    // The tasks RunTask started, by object: the informer cache may hand the next reconcile an object from before the
    // status write that recorded them. (A restarted operator finds them by startedBy, or ECS by the client token.)
    private readonly ConcurrentDictionary<ObjectKey, StartedRun> _started = new();

    private readonly StatusWriter<EcsTask, EcsTaskStatus> _status = new(kubernetes.Resource(Kind.Resource, Kind.TypeInfo), Kind, time);

    private IResourceClient<EcsTask> _client => _status.Resource;

    public async Task<ReconcileResult> ReconcileAsync(ReconcileRequest<EcsTask> request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Object is not { } cached)
        {
            _started.TryRemove(request.Key, out _);
            _status.Forget(request.Key);
            return ReconcileResult.Done;
        }

        // The cache can lag the operator's own last status write: act on what was written, not on what it replaced.
        var obj = _status.Freshest(cached);

        var owner = OwnershipTags.OwnerValue(await kubernetesClusterId.GetAsync(cancellationToken), obj.Metadata.Namespace!, obj.Metadata.Name!);
        try
        {
            if (request.IsDeleting)
                return await DeleteAsync(obj, owner, cancellationToken);

            // The finalizer comes first: a task must never run without something that will stop it on deletion. The
            // reconcile goes on with the object as stored; the finalizer's own watch event wakes nobody (UpdatePredicates).
            if (!obj.HasFinalizer(ApiGroup.CleanupFinalizer))
                obj = _status.Wrote(obj, await _client.EnsureFinalizerAsync(obj, ApiGroup.CleanupFinalizer, cancellationToken));

            // A finished run is only kept (or deleted after its ttl): no AWS call, whatever happened to the spec.
            if (obj.Status?.Phase is TaskPhase.Succeeded or TaskPhase.Failed)
                return await KeepFinishedRunAsync(obj, cancellationToken);

            var run = StartedRunOf(obj);
            if (run is null)
            {
                var errors = TaskValidator.Validate(obj.Spec, resolvedTaskDefinition: null);
                if (errors.Count > 0)
                    return await InvalidAsync(obj, errors, cancellationToken);

                // The namespace's tenancy rules, before any AWS call: a run already started is only tracked.
                if (TenancyEvaluator.Evaluate(tenancy.For(obj.Metadata.Namespace!), obj) is { Count: > 0 } violations)
                    return await ForbiddenAsync(obj, TenancyEvaluator.Message(violations), cancellationToken);
            }

            return run is null
                ? await StartAsync(obj, owner, cancellationToken)
                : await TrackAsync(obj, run, cancellationToken);
        }
        catch (NamespacePrincipalRefusedException e)
        {
            return await ForbiddenAsync(obj, AwsErrorConditions.State(e).Message, cancellationToken);
        }
        catch (AwsServiceException e)
        {
            var state = AwsErrorConditions.State(AwsErrorClassifier.Explain(e));
            if (state is ReconcileState.Retrying)
            {
                await WriteStatusAsync(obj, s => s, state, cancellationToken);
                throw; // the work queue retries with per-key backoff
            }

            logger.LogWarning("EcsTask {Namespace}/{Name} stalled: {Code} (request {RequestId}) {AwsMessage}", obj.Metadata.Namespace, obj.Metadata.Name, e.ErrorCode, e.RequestId, e.Message);
            await WriteStatusAsync(obj, s => s with { Phase = s.Phase ?? TaskPhase.Pending }, state, cancellationToken);
            return requeue.Resync(); // permissions may be fixed without a spec change
        }
    }

    /// <summary>Resolves the references, adopts tasks an earlier attempt started, else calls RunTask once.</summary>
    private async Task<ReconcileResult> StartAsync(EcsTask obj, string owner, CancellationToken cancellationToken)
    {
        var ns = obj.Metadata.Namespace!;
        string taskDefinition;
        TaskDefinitionTemplate? template = null;
        if (obj.Spec.TaskDefinitionRef is { } tdRef)
        {
            var td = references.TaskDefinition(ns, tdRef.Name);
            if (DependencyWait.Of(td, "spec.taskDefinitionRef") is { } wait)
                return await WaitAsync(obj, wait, cancellationToken);
            taskDefinition = td.Object!.Status!.TaskDefinitionArn!;
            template = td.Object.Spec;
        }
        else
        {
            taskDefinition = obj.Spec.TaskDefinition!;
        }

        string? cluster = obj.Spec.Cluster;
        if (obj.Spec.ClusterRef is { } clusterRef)
        {
            var ecsCluster = references.Cluster(ns, clusterRef.Name);
            if (DependencyWait.Of(ecsCluster, "spec.clusterRef") is { } wait)
                return await WaitAsync(obj, wait, cancellationToken);
            cluster = ecsCluster.Object!.Status!.ClusterArn ?? ecsCluster.Object.Status.ClusterName;
        }

        // Checks that need the task definition's containers (override names, network mode) run once it is known.
        if (template is not null && TaskValidator.Validate(obj.Spec, template) is { Count: > 0 } errors)
            return await InvalidAsync(obj, errors, cancellationToken);

        var startedBy = TaskRunTranslator.StartedBy(obj);
        var found = await FindRunAsync(Ecs(obj), cluster, startedBy, owner, cancellationToken);
        if (found.Count > 0)
        {
            // An earlier attempt started the run but its status write was lost (or the status was wiped): adopt it.
            var arns = found.Select(t => t.TaskArn!).Order(StringComparer.Ordinal).ToList();
            logger.LogInformation("EcsTask {Namespace}/{Name}: found {Count} task(s) already started by {StartedBy}; not running again",
                obj.Metadata.Namespace, obj.Metadata.Name, arns.Count, startedBy);
            var adopted = new StartedRun(obj.Metadata.Uid, arns, found[0].ClusterArn ?? cluster, found[0].TaskDefinitionArn ?? taskDefinition, [])
            {
                SpecHash = TaskRunTranslator.RunSpecHash(obj.Spec),
            };
            _started[ObjectKey.Of(obj)] = adopted;
            obj = await WriteStatusAsync(obj, s => WithRun(s, adopted),
                new ReconcileState.Progressing(ConditionReasons.Creating, $"found task(s) {string.Join(", ", arns)} started earlier for this object"), cancellationToken);
            return await TrackAsync(obj, adopted, cancellationToken);
        }

        var request = TaskRunTranslator.ToRunTaskRequest(obj, taskDefinition, cluster, owner);
        var response = await Ecs(obj).RunTaskAsync(request, cancellationToken);
        var started = (response.Tasks ?? []).Where(t => t.TaskArn is not null).ToList();
        var run = new StartedRun(
            obj.Metadata.Uid,
            started.Select(t => t.TaskArn!).Order(StringComparer.Ordinal).ToList(),
            started.FirstOrDefault()?.ClusterArn ?? cluster,
            started.FirstOrDefault()?.TaskDefinitionArn ?? taskDefinition,
            TaskRunStatusCalculator.FailureMessages(response.Failures))
        {
            SpecHash = TaskRunTranslator.RunSpecHash(obj.Spec),
        };
        _started[ObjectKey.Of(obj)] = run;

        if (run.TaskArns.Count == 0)
            return await PlacementFailedAsync(obj, run, cancellationToken);

        // Recorded before anything else can fail: from now on this object's run exists.
        var message = $"started task(s) {string.Join(", ", run.TaskArns)}"
            + (run.Failures.Count > 0 ? $"; RunTask could not place {run.Failures.Count}: {string.Join("; ", run.Failures)}" : string.Empty);
        obj = await WriteStatusAsync(obj, s => WithRun(s, run) with { Phase = TaskPhase.Pending },
            new ReconcileState.Progressing(ConditionReasons.Creating, message), cancellationToken);
        logger.LogInformation("EcsTask {Namespace}/{Name}: RunTask started {Arns}", obj.Metadata.Namespace, obj.Metadata.Name, run.TaskArns);
        await events.RecordAsync(obj, Event.NormalType, EventReasons.Created, "RunTask", $"Started ECS task(s) {string.Join(", ", run.TaskArns)}", cancellationToken);
        if (run.Failures.Count > 0)
            await events.RecordAsync(obj, Event.WarningType, EventReasons.TaskFailed, "RunTask", $"RunTask could not place every task: {string.Join("; ", run.Failures)}", cancellationToken);
        return ReconcileResult.After(options.TaskPollInterval);
    }

    /// <summary>
    /// RunTask placed nothing (e.g. RESOURCE:CPU, RESOURCE:MEMORY, ATTRIBUTE on EC2 without capacity). The run is
    /// over and Failed: an EcsTask is one RunTask, like a Job with no retries, and the client token would make ECS
    /// answer a repeated call with the same result anyway. Re-create the object to try again.
    /// </summary>
    private async Task<ReconcileResult> PlacementFailedAsync(EcsTask obj, StartedRun run, CancellationToken cancellationToken)
    {
        var message = run.Failures.Count > 0
            ? $"RunTask could not start the task: {string.Join("; ", run.Failures)}; the EcsTask does not run again: delete and re-create it once the cluster has capacity"
            : "RunTask started no task and reported no failure (a repeated request whose first attempt placed nothing); delete and re-create the EcsTask to run it";
        var now = time.GetUtcNow();
        obj = await WriteStatusAsync(obj, s => WithRun(s, run) with { Phase = TaskPhase.Failed, StoppedAt = now },
            new ReconcileState.Stalled(ConditionReasons.TaskFailed, message), cancellationToken);
        logger.LogWarning("EcsTask {Namespace}/{Name}: {Message}", obj.Metadata.Namespace, obj.Metadata.Name, message);
        await events.RecordAsync(obj, Event.WarningType, EventReasons.TaskFailed, "RunTask", message, cancellationToken);
        return await ApplyTtlAfterFinishedAsync(obj, now, cancellationToken);
    }

    /// <summary>Describes the run's tasks and reports their state; on the transition to finished, records the outcome.</summary>
    private async Task<ReconcileResult> TrackAsync(EcsTask obj, StartedRun run, CancellationToken cancellationToken)
    {
        await ReportIgnoredSpecChangeAsync(obj, cancellationToken);
        var response = await Ecs(obj).DescribeAllTasksAsync(new DescribeTasksRequest { Cluster = run.Cluster, Tasks = run.TaskArns }, cancellationToken);
        var described = (response.Tasks ?? []).ToList();
        var missing = run.TaskArns.Where(a => described.All(t => t.TaskArn != a)).ToList();
        // DescribeTasks is eventually consistent: a task just started may be MISSING for a moment. Only a task seen
        // before and now forgotten counts as lost.
        var seen = (obj.Status?.Tasks ?? []).Select(t => t.TaskArn).ToHashSet(StringComparer.Ordinal);
        var notYetVisible = missing.Where(a => !seen.Contains(a)).ToList();
        if (notYetVisible.Count > 0)
        {
            await WriteStatusAsync(obj, s => WithRun(s, run) with { Phase = s.Phase ?? TaskPhase.Pending },
                new ReconcileState.Progressing(ConditionReasons.Creating, $"waiting for ECS to report task(s) {string.Join(", ", notYetVisible)}"), cancellationToken);
            return ReconcileResult.After(options.TaskPollInterval);
        }

        var failures = run.Failures.Concat(missing.Select(a => $"{a}: ECS no longer knows this task (MISSING)")).ToList();

        var result = TaskRunStatusCalculator.From(described, essentialContainers: null, failures);
        if (described.Count > 0 && described.All(t => t.LastStatus == Stopped))
        {
            // Only now does it matter which containers are essential: DescribeTasks does not say.
            var essential = await EssentialContainersAsync(Ecs(obj), run.TaskDefinition ?? described[0].TaskDefinitionArn, cancellationToken);
            result = TaskRunStatusCalculator.From(described, essential, failures);
        }
        else if (described.Count == 0)
        {
            result = new TaskRunResult { Phase = TaskPhase.Failed, FailureReason = string.Join("; ", failures) };
        }

        var wasFinished = obj.Status?.Phase is TaskPhase.Succeeded or TaskPhase.Failed;
        var stoppedAt = result.IsFinished ? result.StoppedAt ?? time.GetUtcNow() : (DateTimeOffset?)null;
        ReconcileState state = result.Phase switch
        {
            TaskPhase.Succeeded => new ReconcileState.Ready($"the run succeeded: every essential container of {Tasks(run)} exited 0"),
            TaskPhase.Failed => new ReconcileState.Stalled(ConditionReasons.TaskFailed,
                $"the run failed{(result.ExitCode is { } code ? $" with exit code {code}" : string.Empty)}: {result.FailureReason}; an EcsTask does not run again"),
            TaskPhase.Running => new ReconcileState.Progressing(ConditionReasons.Creating, $"{Tasks(run)} running since {result.StartedAt:u}"),
            _ => new ReconcileState.Progressing(ConditionReasons.Creating,
                $"{Tasks(run)} starting ({string.Join(", ", described.Select(t => t.LastStatus).Distinct())})"),
        };

        obj = await WriteStatusAsync(obj, s => WithRun(s, run) with
        {
            Phase = result.Phase,
            Tasks = result.Tasks,
            StartedAt = result.StartedAt,
            StoppedAt = stoppedAt,
            ExitCode = result.ExitCode,
            Failures = failures.Count > 0 ? failures : null,
        }, state, cancellationToken);

        if (!result.IsFinished)
            return ReconcileResult.After(options.TaskPollInterval);

        if (!wasFinished)
        {
            logger.LogInformation("EcsTask {Namespace}/{Name} {Phase} (exit code {ExitCode})", obj.Metadata.Namespace, obj.Metadata.Name, result.Phase, result.ExitCode);
            if (result.Phase == TaskPhase.Succeeded)
                await events.RecordAsync(obj, Event.NormalType, EventReasons.TaskSucceeded, "DescribeTasks", $"{Tasks(run)} stopped; exit code 0", cancellationToken);
            else
                await events.RecordAsync(obj, Event.WarningType, EventReasons.TaskFailed, "DescribeTasks", state.Message, cancellationToken);
        }

        return await ApplyTtlAfterFinishedAsync(obj, stoppedAt!.Value, cancellationToken);
    }

    /// <summary>A finished run: re-stamp a newer generation (reporting the ignored edit) and apply the ttl.</summary>
    private async Task<ReconcileResult> KeepFinishedRunAsync(EcsTask obj, CancellationToken cancellationToken)
    {
        var status = obj.Status!;
        if (status.ObservedGeneration != obj.Metadata.Generation)
        {
            await ReportIgnoredSpecChangeAsync(obj, cancellationToken);
            ReconcileState state = status.Phase == TaskPhase.Succeeded
                ? new ReconcileState.Ready(ConditionSet.Find(status.Conditions, ConditionTypes.Ready)?.Message ?? "the run succeeded")
                : new ReconcileState.Stalled(ConditionReasons.TaskFailed, ConditionSet.Find(status.Conditions, ConditionTypes.Stalled)?.Message ?? "the run failed");
            obj = await WriteStatusAsync(obj, s => s, state, cancellationToken);
        }

        var finishedAt = status.StoppedAt
            ?? ConditionSet.Find(status.Conditions, ConditionTypes.Ready)?.LastTransitionTime
            ?? time.GetUtcNow();
        return await ApplyTtlAfterFinishedAsync(obj, finishedAt, cancellationToken);
    }

    /// <summary>ttlSecondsAfterFinished: delete the object once due, else look again at exactly the expiry.</summary>
    private async Task<ReconcileResult> ApplyTtlAfterFinishedAsync(EcsTask obj, DateTimeOffset finishedAt, CancellationToken cancellationToken)
    {
        var remaining = TaskTtl.Remaining(finishedAt, obj.Spec.TtlSecondsAfterFinished, time.GetUtcNow());
        if (remaining is null)
            return ReconcileResult.Done; // kept until someone deletes it
        if (remaining > TimeSpan.Zero)
            return ReconcileResult.After(remaining.Value);

        logger.LogInformation("EcsTask {Namespace}/{Name} finished at {FinishedAt:u}; deleting it after ttlSecondsAfterFinished={Ttl}",
            obj.Metadata.Namespace, obj.Metadata.Name, finishedAt, obj.Spec.TtlSecondsAfterFinished);
        try
        {
            await _client.DeleteAsync(obj.Metadata.Namespace, obj.Metadata.Name!, cancellationToken: cancellationToken);
        }
        catch (NotFoundException)
        {
            // already gone
        }

        return ReconcileResult.Done; // the deletion (finalizer) comes back as its own reconcile
    }

    private async Task<ReconcileResult> DeleteAsync(EcsTask obj, string owner, CancellationToken cancellationToken)
    {
        if (!obj.HasFinalizer(ApiGroup.CleanupFinalizer))
            return ReconcileResult.Done;
        var finished = obj.Status?.Phase is TaskPhase.Succeeded or TaskPhase.Failed;
        if (obj.Spec.DeletionPolicy == DeletionPolicy.Delete && !finished)
        {
            var run = StartedRunOf(obj);
            IReadOnlyList<TaskDescription> live;
            if (run is not null)
            {
                live = (await Ecs(obj).DescribeAllTasksAsync(new DescribeTasksRequest { Cluster = run.Cluster, Tasks = run.TaskArns }, cancellationToken)).Tasks ?? [];
            }
            else
            {
                // No recorded run (never started, or the status was lost): stop whatever was started for this object.
                var cluster = obj.Spec.ClusterRef is { } clusterRef
                    ? references.Cluster(obj.Metadata.Namespace, clusterRef.Name).Object?.Status is { } clusterStatus
                        ? clusterStatus.ClusterArn ?? clusterStatus.ClusterName
                        : null
                    : obj.Spec.Cluster;
                // A spec that never validated never ran (and may name no valid cluster), nor did one the tenancy
                // rules refused (whose namespace may have no principal to look with): nothing to look for.
                var couldHaveRun = TaskValidator.Validate(obj.Spec, resolvedTaskDefinition: null).Count == 0
                    && !StalledForbidden(obj)
                    && (obj.Spec.ClusterRef is null || cluster is not null);
                live = couldHaveRun
                    ? await FindRunForDeletionAsync(Ecs(obj), cluster, TaskRunTranslator.StartedBy(obj), owner, cancellationToken)
                    : [];
            }

            var stopped = new List<string>();
            foreach (var task in live.Where(t => t.TaskArn is not null && t.LastStatus != Stopped && t.DesiredStatus != Stopped))
            {
                await Ecs(obj).StopTaskAsync(new StopTaskRequest
                {
                    Cluster = task.ClusterArn ?? run?.Cluster,
                    Task = task.TaskArn,
                    Reason = $"EcsTask {obj.Metadata.Namespace}/{obj.Metadata.Name} was deleted",
                }, cancellationToken);
                stopped.Add(task.TaskArn!);
            }

            if (stopped.Count > 0)
            {
                logger.LogInformation("EcsTask {Namespace}/{Name} deleted: stopped {Arns}", obj.Metadata.Namespace, obj.Metadata.Name, stopped);
                await events.RecordAsync(obj, Event.NormalType, EventReasons.Deleted, "StopTask", $"Stopped ECS task(s) {string.Join(", ", stopped)}", cancellationToken);
            }
        }

        await _client.RemoveFinalizerAsync(obj, ApiGroup.CleanupFinalizer, cancellationToken);
        return ReconcileResult.Done;
    }

    /// <summary>
    /// Tasks already started for this object: ListTasks by startedBy (RUNNING and STOPPED: ListTasks defaults to
    /// RUNNING only), then DescribeTasks to keep those carrying this object's owner tag.
    /// </summary>
    private static async Task<IReadOnlyList<TaskDescription>> FindRunAsync(IEcsApi ecs, string? cluster, string startedBy, string owner, CancellationToken cancellationToken)
    {
        var arns = new List<string>();
        foreach (var desiredStatus in (string[])["RUNNING", Stopped])
        {
            arns.AddRange(await ecs.ListAllTasksAsync(new ListTasksRequest { Cluster = cluster, StartedBy = startedBy, DesiredStatus = desiredStatus }, cancellationToken));
        }

        if (arns.Count == 0)
            return [];
        var described = await ecs.DescribeAllTasksAsync(new DescribeTasksRequest { Cluster = cluster, Tasks = arns.Distinct().ToList(), Include = IncludeTags }, cancellationToken);
        return (described.Tasks ?? []).Where(t => TaskRunTranslator.IsRunOf(t, startedBy, owner)).ToList();
    }

    private static async Task<IReadOnlyList<TaskDescription>> FindRunForDeletionAsync(IEcsApi ecs, string? cluster, string startedBy, string owner, CancellationToken cancellationToken)
    {
        try
        {
            return await FindRunAsync(ecs, cluster, startedBy, owner, cancellationToken);
        }
        catch (AwsServiceException e) when (e.Kind == AwsErrorKind.NotFound)
        {
            return []; // no such cluster (e.g. no default cluster): nothing can run there, nothing to stop
        }
    }

    /// <summary>The essential containers of the revision that ran; null (all essential) when it cannot be described.</summary>
    private static async Task<IReadOnlySet<string>?> EssentialContainersAsync(IEcsApi ecs, string? taskDefinition, CancellationToken cancellationToken)
    {
        if (taskDefinition is null)
            return null;
        try
        {
            var response = await ecs.DescribeTaskDefinitionAsync(new DescribeTaskDefinitionRequest { TaskDefinition = taskDefinition }, cancellationToken);
            var containers = response.TaskDefinition?.ContainerDefinitions;
            return containers is null ? null : containers.Where(c => c.Essential != false && c.Name is not null).Select(c => c.Name!).ToHashSet(StringComparer.Ordinal);
        }
        catch (AwsServiceException e) when (e.Kind == AwsErrorKind.NotFound)
        {
            return null;
        }
    }

    /// <summary>Once per new generation: a spec edit the started run will not see (ttl and deletionPolicy edits apply).</summary>
    private async Task ReportIgnoredSpecChangeAsync(EcsTask obj, CancellationToken cancellationToken)
    {
        if (obj.Status is not { ObservedGeneration: { } observed, RunSpecHash: { } runHash } || observed >= (obj.Metadata.Generation ?? 0)
            || runHash == TaskRunTranslator.RunSpecHash(obj.Spec))
        {
            return;
        }

        await events.RecordAsync(obj, Event.WarningType, EventReasons.SpecChangeIgnored, "RunTask",
            $"spec changed (generation {obj.Metadata.Generation}) after the run started: an EcsTask runs once, so the change is not applied (only ttlSecondsAfterFinished and deletionPolicy are); delete and re-create the EcsTask to run the new spec",
            cancellationToken);
    }

    /// <summary>The run recorded in status, or the one this process started moments ago (the cache may lag).</summary>
    private StartedRun? StartedRunOf(EcsTask obj)
    {
        if (obj.Status is { TaskArns.Count: > 0 } status)
            return new StartedRun(obj.Metadata.Uid, status.TaskArns, status.ClusterArn ?? obj.Spec.Cluster, status.TaskDefinitionArn, status.Failures ?? []) { SpecHash = status.RunSpecHash };
        return _started.TryGetValue(ObjectKey.Of(obj), out var run) && run.Uid == obj.Metadata.Uid && run.TaskArns.Count > 0 ? run : null;
    }

    private static EcsTaskStatus WithRun(EcsTaskStatus status, StartedRun run) => status with
    {
        TaskArns = run.TaskArns,
        ClusterArn = run.Cluster ?? status.ClusterArn,
        TaskDefinitionArn = run.TaskDefinition ?? status.TaskDefinitionArn,
        Failures = run.Failures.Count > 0 ? run.Failures : status.Failures,
        RunSpecHash = run.SpecHash ?? status.RunSpecHash,
    };

    private async Task<ReconcileResult> WaitAsync(EcsTask obj, DependencyWait wait, CancellationToken cancellationToken)
    {
        // A reference its own controller has not looked at yet: that controller's first status for this generation
        // wakes this task (the reference watches pass "observed"), so there is nothing to say meanwhile.
        if (wait.NotYetObserved)
            return ReconcileResult.Done;
        await WriteStatusAsync(obj, s => s with { Phase = TaskPhase.Pending }, new ReconcileState.Progressing(ConditionReasons.Creating, wait.Why), cancellationToken);
        // The referenced object's changes enqueue this one; the resync is only a safety net.
        return requeue.Resync();
    }

    private async Task<ReconcileResult> InvalidAsync(EcsTask obj, IReadOnlyList<FieldError> errors, CancellationToken cancellationToken)
    {
        var message = string.Join("; ", errors.Select(e => e.ToString()));
        await WriteStatusAsync(obj, s => s with { Phase = TaskPhase.Pending }, new ReconcileState.Stalled(ConditionReasons.InvalidSpec, message), cancellationToken);
        return requeue.Resync(); // or sooner: a spec change (new generation) or a referenced object's change
    }

    /// <summary>Refused by the namespace's tenancy before any AWS call: looked at again at the next resync (a policy may allow it by then).</summary>
    private async Task<ReconcileResult> ForbiddenAsync(EcsTask obj, string message, CancellationToken cancellationToken)
    {
        await WriteStatusAsync(obj, s => s with { Phase = s.Phase ?? TaskPhase.Pending }, new ReconcileState.Stalled(ConditionReasons.Forbidden, message), cancellationToken);
        return requeue.Resync();
    }

    private static bool StalledForbidden(EcsTask obj) =>
        ConditionSet.Find(obj.Status?.Conditions, ConditionTypes.Stalled) is { Status: ConditionStatus.True, Reason: ConditionReasons.Forbidden };

    private Task<EcsTask> WriteStatusAsync(EcsTask obj, Func<EcsTaskStatus, EcsTaskStatus> edit, ReconcileState state, CancellationToken cancellationToken) =>
        _status.WriteAsync(obj, edit, state, drift: null, cancellationToken);

    /// <summary>The ECS client of the object's namespace: every AWS call goes through it.</summary>
    private IEcsApi Ecs(EcsTask obj) => aws.For(obj.Metadata.Namespace!).Ecs;

    private static string Tasks(StartedRun run) =>
        run.TaskArns.Count == 1 ? $"task {run.TaskArns[0]}" : $"{run.TaskArns.Count} tasks";

    /// <summary>What RunTask started for one object (by UID, so a re-created object with the same name is not confused).</summary>
    private sealed record StartedRun(string? Uid, IReadOnlyList<string> TaskArns, string? Cluster, string? TaskDefinition, IReadOnlyList<string> Failures)
    {
        /// <summary>The hash of the spec the run was started from; null when only the status knew the run and it had none.</summary>
        public string? SpecHash { get; init; }
    }
}
