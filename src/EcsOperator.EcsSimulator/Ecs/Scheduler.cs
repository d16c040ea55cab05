using System.Text.Json.Nodes;
using EcsOperator.Simulator.Model;
using EcsOperator.Simulator.Protocol;

namespace EcsOperator.Simulator.Ecs;

/// <summary>
/// The ECS service scheduler and task lifecycle, advanced one tick at a time. Follows the ECS developer guide:
/// rolling updates bounded by minimumHealthyPercent (rounded up) and maximumPercent (rounded down), the deployment
/// circuit breaker (threshold = 0.5 x desired count, at least 3, at most 200) with optional rollback to the last
/// COMPLETED deployment, and DRAINING services becoming INACTIVE once their tasks stopped.
/// Callers hold the state lock.
/// </summary>
internal sealed partial class Scheduler(SimulatorState state)
{
    private DateTimeOffset Now => state.Now;

    /// <summary>EC2 task placement on the clusters' container instances.</summary>
    public Placement Placement { get; } = new(state);

    /// <summary>The circuit breaker failure threshold for a desired count, per the ECS developer guide.</summary>
    public static int CircuitBreakerThreshold(int desiredCount) =>
        Math.Min(Math.Max((int)Math.Ceiling(0.5 * desiredCount), 3), 200);

    public static (int MinHealthy, int MaxTotal) Bounds(int desired, JsonObject deploymentConfiguration)
    {
        var min = Json.Int(deploymentConfiguration, "minimumHealthyPercent") ?? 100;
        var max = Json.Int(deploymentConfiguration, "maximumPercent") ?? 200;

        // Integer arithmetic avoids floating point surprises at exact multiples (e.g. 3 x 200 / 100).
        var minHealthy = ((desired * min) + 99) / 100;
        var maxTotal = desired * max / 100;
        return (minHealthy, maxTotal);
    }

    public static IReadOnlyList<SimTask> TasksOf(SimService service) => service.LiveTasks;

    public static (int Running, int Pending) Counts(SimService service, SimDeployment? deployment)
    {
        var (running, pending) = (0, 0);
        foreach (var task in service.LiveTasks)
        {
            if (deployment is null || task.DeploymentId == deployment.Id)
            {
                running += task.IsHealthyRunning ? 1 : 0;
                pending += task.IsPendingStart ? 1 : 0;
            }
        }

        return (running, pending);
    }

    /// <summary>Starts a new deployment of <paramref name="revision"/>: it becomes PRIMARY, older ones ACTIVE.</summary>
    public SimDeployment StartDeployment(SimService service, SimServiceRevision revision, string deploymentDigits)
    {
        foreach (var old in service.Deployments)
        {
            old.Status = "ACTIVE";
            old.DesiredCount = 0;
            old.UpdatedAt = Now;
            if (old.ServiceDeployment.Status is "PENDING" or "IN_PROGRESS")
            {
                old.ServiceDeployment.Status = "STOPPED";
                old.ServiceDeployment.StatusReason = "Service deployment stopped because a new service deployment started.";
                old.ServiceDeployment.StoppedAt = Now;
                old.ServiceDeployment.UpdatedAt = Now;
            }
        }

        var breaker = Json.Obj(service.DeploymentConfiguration, "deploymentCircuitBreaker");
        var breakerEnabled = breaker is not null && (Json.Bool(breaker, "enable") ?? false);
        var sources = service.Deployments
            .Select(d => (d.Revision, d.DesiredCount, Counts(service, d)))
            .Select(x => (x.Revision, Requested: x.Item3.Running + x.Item3.Pending, x.Item3.Running, x.Item3.Pending))
            .ToList();
        var strategy = Json.Str(service.DeploymentConfiguration, "strategy") ?? "ROLLING";
        var serviceDeployment = new SimServiceDeployment
        {
            Strategy = strategy,
            // Traffic shifts away from the deployment that was PRIMARY; a service's first deployment just scales up.
            Blue = ShiftsTraffic(strategy) ? service.Primary : null,
            Arn = state.Prefix("ecs") + $"service-deployment/{service.Cluster.Name}/{service.Name}/{state.Alnum(21)}",
            Service = service,
            Target = revision,
            Sources = sources,
            DeploymentConfiguration = (JsonObject)service.DeploymentConfiguration.DeepClone(),
            CreatedAt = Now,
            UpdatedAt = Now,
            CircuitBreakerEnabled = breakerEnabled,
            CircuitBreakerStatus = breakerEnabled ? "MONITORING" : "DISABLED",
            Threshold = CircuitBreakerThreshold(service.DesiredCount),
        };
        service.ServiceDeployments.Add(serviceDeployment);
        var id = "ecs-svc/" + deploymentDigits;
        var deployment = new SimDeployment
        {
            Id = id,
            Revision = revision,
            ServiceDeployment = serviceDeployment,
            DesiredCount = service.DesiredCount,
            CreatedAt = Now,
            UpdatedAt = Now,
            RolloutStateReason = $"ECS deployment {id} in progress.",
        };
        service.Deployments.Insert(0, deployment);
        service.Revision = revision;
        service.SteadyStateReported = false;
        return deployment;
    }

    /// <summary>One tick: task lifecycles first, then every service's scheduler decisions.</summary>
    public void Step()
    {
        state.TickCount++;
        foreach (var task in state.Tasks.Values.Where(t => t.IsLive).ToList())
        {
            AdvanceTask(task);
        }

        foreach (var service in state.Services.Values.Where(s => s.Status != "INACTIVE").ToList())
        {
            if (service.Status == "DRAINING")
            {
                Drain(service);
            }
            else if (service.SchedulingStrategy == "DAEMON")
            {
                ScheduleDaemon(service);
            }
            else
            {
                Schedule(service);
            }
        }

        ScaleCapacityProviders();
        FinishCapacityProviderDeletions();
        PurgeDeletedTaskDefinitions();
        ForgetOldStoppedResources();
    }

    private void ForgetOldStoppedResources()
    {
        var cutoff = Now - state.Options.StoppedResourceRetention;
        foreach (var task in state.Tasks.Values.Where(t => t.LastStatus == "STOPPED" && t.StoppedAt < cutoff).ToList())
        {
            state.Tasks.Remove(task.Arn);
        }

        foreach (var (key, service) in state.Services.Where(kv => kv.Value.Status == "INACTIVE" && kv.Value.InactiveAt < cutoff).ToList())
        {
            state.Services.Remove(key);
            if (service.ClientToken is { } token && state.ServicesByClientToken.GetValueOrDefault(token) == service)
            {
                state.ServicesByClientToken.Remove(token);
            }
        }
    }

    public SimTask Launch(
        SimCluster cluster,
        SimTaskDefinition taskDefinition,
        JsonObject? overrides,
        string group,
        string? startedBy,
        string? launchType,
        string? capacityProviderName,
        string? platformVersion,
        SimTags tags,
        bool enableExecuteCommand,
        SimService? service,
        SimDeployment? deployment,
        SimPlacement? placement = null)
    {
        var id = state.Hex(32);
        var arn = state.Prefix("ecs") + $"task/{cluster.Name}/{id}";
        var containers = new List<SimContainer>();
        foreach (var definition in taskDefinition.Containers)
        {
            var name = Json.Str(definition, "name")!;
            var commandOverride = (overrides?["containerOverrides"] as JsonArray ?? [])
                .OfType<JsonObject>()
                .FirstOrDefault(o => Json.Str(o, "name") == name)?["command"] as JsonArray;
            var command = commandOverride ?? definition["command"] as JsonArray;
            containers.Add(new SimContainer
            {
                Name = name,
                Image = Json.Str(definition, "image")!,
                Arn = state.Prefix("ecs") + $"container/{cluster.Name}/{id}/{state.Uuid()}",
                Essential = Json.Bool(definition, "essential") ?? true,
                Command = command is null ? null : string.Join(' ', command.Select(c => c?.ToString())),
            });
        }

        var (fate, runFor, exitCode) = DecideFate(containers, service is null);
        var task = new SimTask
        {
            Arn = arn,
            Id = id,
            Cluster = cluster,
            TaskDefinition = taskDefinition,
            Group = group,
            StartedBy = startedBy,
            LaunchType = launchType,
            CapacityProviderName = capacityProviderName,
            PlatformVersion = platformVersion,
            Overrides = overrides,
            Tags = tags,
            EnableExecuteCommand = enableExecuteCommand,
            CreatedAt = Now,
            Containers = containers,
            ServiceName = service is null ? null : SimulatorState.ServiceKey(service.Cluster.Name, service.Name),
            Service = service,
            DeploymentId = deployment?.Id,
            Fate = fate,
            RunFor = runFor,
            PlannedExitCode = exitCode,
        };
        state.Tasks[arn] = task;
        service?.LiveTasks.Add(task);
        if (placement is not null)
        {
            Placement.Reserve(task, placement);
        }

        return task;
    }

    private (TaskFate Fate, TimeSpan RunFor, int ExitCode) DecideFate(List<SimContainer> containers, bool standalone)
    {
        foreach (var container in containers.Where(c => c.Essential))
        {
            var failure = state.Rules.FailureFor(container.Image);
            if (failure is not null)
            {
                return (failure.PullFailure ? TaskFate.CannotPull : TaskFate.ExitOnStart, TimeSpan.Zero, failure.ExitCode);
            }
        }

        foreach (var container in containers.Where(c => c.Essential))
        {
            var exit = state.Rules.ExitFor(container.Image, container.Command);
            if (exit is not null)
            {
                return (TaskFate.ExitAfter, exit.RunFor, exit.ExitCode);
            }
        }

        return standalone ? (TaskFate.ExitAfter, state.Options.StandaloneTaskDuration, 0) : (TaskFate.RunForever, TimeSpan.Zero, 0);
    }

    /// <summary>Asks a task to stop (StopTask, the service scheduler); it reaches STOPPED after TaskStopTicks ticks.</summary>
    public void RequestStop(SimTask task, string stopCode, string reason)
    {
        if (task.DesiredStatus == "STOPPED" || !task.IsLive)
        {
            return;
        }

        task.DesiredStatus = "STOPPED";
        task.StopCode = stopCode;
        task.StoppedReason = reason;
        task.StoppingAt = Now;
        task.TicksInPhase = 0;
        task.Version++;
    }

    private void AdvanceTask(SimTask task)
    {
        task.TicksInPhase++;
        if (task.DesiredStatus == "STOPPED")
        {
            if (task.TicksInPhase >= Math.Max(1, state.Options.TaskStopTicks))
            {
                Finish(task, exitCode: task.EverRunning ? state.Options.StopSignalExitCode : null, containerReason: null);
            }

            return;
        }

        switch (task.LastStatus)
        {
            case "PROVISIONING" or "PENDING" or "ACTIVATING":
                task.AgeTicks++;
                if (task.AgeTicks < Math.Max(1, state.Options.TaskStartTicks))
                {
                    if (task.LastStatus == "PROVISIONING")
                    {
                        task.LastStatus = "PENDING";
                        task.PullStartedAt = Now;
                        task.Version++;
                    }

                    return;
                }

                task.PullStartedAt ??= Now;
                if (task.Fate == TaskFate.CannotPull)
                {
                    var image = task.Containers.First(c => c.Essential).Image;
                    var reason = $"CannotPullContainerError: pull image manifest has been retried 1 time(s): failed to resolve ref {image}: not found";
                    task.DesiredStatus = "STOPPED";
                    task.StopCode = "TaskFailedToStart";
                    task.StoppedReason = reason;
                    task.StoppingAt = Now;
                    task.Failed = true;
                    Finish(task, exitCode: null, containerReason: reason);
                    return;
                }

                task.PullStoppedAt = Now;
                if (task.Fate == TaskFate.ExitOnStart)
                {
                    FailRunning(task, task.PlannedExitCode);
                    return;
                }

                task.LastStatus = "RUNNING";
                task.StartedAt = Now;
                task.EverRunning = true;
                task.Version++;
                if (DeploymentOf(task) is { HasRunningTask: false } deployment)
                {
                    deployment.HasRunningTask = true;
                    deployment.FailedTasks = 0;
                    if (!deployment.IsRollback)
                    {
                        deployment.ServiceDeployment.FailureCount = 0;
                    }
                }

                foreach (var container in task.Containers)
                {
                    container.LastStatus = "RUNNING";
                }

                return;

            case "RUNNING":
                if (task.Fate == TaskFate.ExitAfter && task.StartedAt is { } started && Now - started >= task.RunFor)
                {
                    FailRunning(task, task.PlannedExitCode);
                }

                return;
        }
    }

    /// <summary>Test control: a RUNNING task's essential container exits now (a crash).</summary>
    public void Crash(SimTask task, int exitCode)
    {
        if (task.LastStatus != "RUNNING" || task.DesiredStatus != "RUNNING")
        {
            throw new InvalidOperationException($"Task {task.Id} is {task.LastStatus} (desired {task.DesiredStatus}); only a RUNNING task can crash.");
        }

        FailRunning(task, exitCode);
    }

    /// <summary>The essential container exited: the whole task stops, as ECS does.</summary>
    private void FailRunning(SimTask task, int exitCode)
    {
        task.DesiredStatus = "STOPPED";
        task.StopCode = "EssentialContainerExited";
        task.StoppedReason = "Essential container in task exited";
        task.StoppingAt = Now;

        // A service task stopping on its own is a failure for the deployment; a standalone task exiting is its end.
        task.Failed = task.ServiceName is not null || exitCode != 0;
        Finish(task, exitCode, containerReason: null);
    }

    private void Finish(SimTask task, int? exitCode, string? containerReason)
    {
        task.LastStatus = "STOPPED";
        task.Service?.LiveTasks.Remove(task);
        Placement.Release(task);
        task.StoppedAt = Now;
        task.ExecutionStoppedAt = Now;
        task.Version++;
        var essentialDone = false;
        foreach (var container in task.Containers)
        {
            container.LastStatus = "STOPPED";
            if (containerReason is not null)
            {
                container.Reason = containerReason;
                continue;
            }

            if (container.ExitCode is null && exitCode is not null)
            {
                // The failing essential container carries the planned code; the others were stopped with it.
                container.ExitCode = container.Essential && !essentialDone ? exitCode : (task.EverRunning ? state.Options.StopSignalExitCode : null);
                essentialDone |= container.Essential;
            }
        }

        if (task.ServiceName is not null && task.Failed)
        {
            var service = task.Service;
            var deployment = DeploymentOf(task);
            if (service is not null)
            {
                service.SteadyStateReported = false;
            }

            if (deployment is not null && !deployment.HasRunningTask)
            {
                deployment.FailedTasks++;
                deployment.UpdatedAt = Now;
                if (!deployment.IsRollback)
                {
                    deployment.ServiceDeployment.FailureCount = deployment.FailedTasks;
                }
            }
        }
    }

    private static SimDeployment? DeploymentOf(SimTask task) =>
        task.Service?.Deployments.FirstOrDefault(d => d.Id == task.DeploymentId);

    private void Drain(SimService service)
    {
        var tasks = TasksOf(service).ToList();
        var reasonDeployment = service.Primary?.Id ?? "ecs-svc/0";
        var stopped = tasks.Where(t => t.DesiredStatus == "RUNNING").ToList();
        foreach (var task in stopped)
        {
            RequestStop(task, "ServiceSchedulerInitiated", $"Scaling activity initiated by (deployment {reasonDeployment})");
        }

        ReportStopped(service, stopped);
        if (tasks.Count == 0)
        {
            service.Status = "INACTIVE";
            service.InactiveAt = Now;
            foreach (var deployment in service.Deployments)
            {
                if (deployment.ServiceDeployment.Status is "PENDING" or "IN_PROGRESS")
                {
                    deployment.ServiceDeployment.Status = "STOPPED";
                    deployment.ServiceDeployment.StatusReason = "Service deployment stopped because the service was deleted.";
                    deployment.ServiceDeployment.StoppedAt = Now;
                    deployment.ServiceDeployment.UpdatedAt = Now;
                }
            }

            service.Deployments.Clear();
        }
    }

    private void Schedule(SimService service)
    {
        var primary = service.Primary;
        if (primary is null)
        {
            return;
        }

        if (ScheduleTrafficShift(service, primary))
        {
            return;
        }

        var sd = primary.ServiceDeployment;
        if (sd.Status == "PENDING")
        {
            sd.Status = "IN_PROGRESS";
            sd.StartedAt = Now;
            sd.UpdatedAt = Now;
        }

        var desired = service.DesiredCount;
        primary.DesiredCount = desired;
        CheckCircuitBreaker(service, primary);
        primary = service.Primary!;

        var (minHealthy, maxTotal) = Bounds(desired, service.DeploymentConfiguration);
        var tasks = TasksOf(service).ToList();
        var stopReason = $"Scaling activity initiated by (deployment {primary.Id})";
        var stopping = new List<SimTask>();

        // Tasks of older deployments that are not running yet never count as healthy: stop them first.
        foreach (var task in tasks.Where(t => t.DeploymentId != primary.Id && t.IsPendingStart))
        {
            stopping.Add(task);
        }

        // Scale-in of the primary (desired count lowered): pending tasks first, then the newest running ones.
        var primaryLive = tasks.Where(t => t.DeploymentId == primary.Id && t.DesiredStatus == "RUNNING").ToList();
        var excess = primaryLive.Count - desired;
        if (excess > 0)
        {
            stopping.AddRange(primaryLive.OrderBy(t => t.IsHealthyRunning).ThenByDescending(t => t.CreatedAt).Take(excess));
        }

        // Old running tasks go as long as healthy tasks stay at or above minimumHealthyPercent. A FAILED primary
        // without rollback launches nothing, so the old tasks keep serving.
        var primaryStalled = primary.RolloutState == "FAILED";
        if (!primaryStalled)
        {
            StopOldWhileHealthy(tasks, primary, stopping, minHealthy);
        }

        foreach (var task in stopping)
        {
            RequestStop(task, "ServiceSchedulerInitiated", stopReason);
        }

        ReportStopped(service, stopping.Where(t => t.LastStatus == "RUNNING").ToList());

        if (!primaryStalled)
        {
            var physical = tasks.Count(t => t.IsPhysicallyActive);
            var primaryWanted = desired - tasks.Count(t => t.DeploymentId == primary.Id && t.DesiredStatus == "RUNNING");
            var toStart = Math.Min(primaryWanted, maxTotal - physical);
            if (toStart > 0)
            {
                var started = new List<SimTask>();
                for (var i = 0; i < toStart; i++)
                {
                    // Nothing fits: ECS records why and tries again on its next pass.
                    if (LaunchForService(service, primary) is not { } task)
                    {
                        NoteShortfall(FirstProvider(primary.Revision.CapacityProviderStrategy), primary.Revision.TaskDefinition, toStart - i);
                        break;
                    }

                    started.Add(task);
                }

                ReportStarted(service, started);
            }
        }

        CheckCompletion(service, primary);
        FinishRollbacks(service);
    }

    /// <summary>
    /// Adds the oldest healthy tasks of earlier deployments to <paramref name="stopping"/> for as long as the healthy
    /// tasks left stay at or above <paramref name="minHealthy"/> (minimumHealthyPercent, for replicas and daemons alike).
    /// </summary>
    private static void StopOldWhileHealthy(List<SimTask> tasks, SimDeployment primary, List<SimTask> stopping, int minHealthy)
    {
        var canStop = tasks.Count(t => t.IsHealthyRunning && !stopping.Contains(t)) - minHealthy;
        foreach (var task in tasks.Where(t => t.DeploymentId != primary.Id && t.IsHealthyRunning && !stopping.Contains(t)).OrderBy(t => t.CreatedAt))
        {
            if (canStop <= 0)
            {
                break;
            }

            stopping.Add(task);
            canStop--;
        }
    }

    private void ReportStarted(SimService service, List<SimTask> started)
    {
        if (started.Count > 0)
        {
            state.AddEvent(service, $"has started {started.Count} tasks: {string.Join(' ', started.Select(t => $"(task {t.Id})"))}.");
            service.SteadyStateReported = false;
        }
    }

    /// <summary>
    /// Launches one task of the deployment, placed on a container instance when the cluster models EC2 capacity
    /// (only on <paramref name="instance"/> when given, as the daemon scheduler does); null when nothing fits.
    /// </summary>
    private SimTask? LaunchForService(SimService service, SimDeployment deployment, SimContainerInstance? instance = null)
    {
        var revision = deployment.Revision;
        var provider = (revision.CapacityProviderStrategy ?? []).OfType<JsonObject>().Select(i => Json.Str(i, "capacityProvider")).FirstOrDefault();
        SimPlacement? placement = null;
        if (Placement.UsesInstances(service.Cluster, revision.LaunchType, provider))
        {
            var strategy = revision.PlacementStrategy.Count > 0 || service.SchedulingStrategy == "DAEMON" ? revision.PlacementStrategy : Placement.ServiceDefaultStrategy;
            var (chosen, _, why) = Placement.Place(service.Cluster, revision.TaskDefinition, null, "service:" + service.Name,
                revision.PlacementConstraints, strategy, service.LiveTasks, OnlyOn(instance, provider));
            if (chosen is null)
            {
                var message = $"was unable to place a task because no container instance met all of its requirements. {why} For more information, see the Troubleshooting section of the Amazon ECS Developer Guide.";
                if (message != service.LastPlacementFailure)
                {
                    state.AddEvent(service, message);
                    service.LastPlacementFailure = message;
                }

                return null;
            }

            service.LastPlacementFailure = null;
            placement = chosen;
        }
        var tags = service.PropagateTags switch
        {
            "SERVICE" => service.Tags.Copy(),
            "TASK_DEFINITION" => revision.TaskDefinition.Tags.Copy(),
            _ => new SimTags(),
        };
        return Launch(
            service.Cluster,
            revision.TaskDefinition,
            overrides: null,
            group: "service:" + service.Name,
            startedBy: deployment.Id,
            launchType: revision.LaunchType,
            capacityProviderName: provider,
            platformVersion: revision.PlatformVersion is null ? null : "1.4.0",
            tags: tags,
            enableExecuteCommand: service.EnableExecuteCommand,
            service: service,
            deployment: deployment,
            placement: placement);
    }

    private void ReportStopped(SimService service, List<SimTask> stopped)
    {
        if (stopped.Count > 0)
        {
            state.AddEvent(service, $"has stopped {stopped.Count} running tasks: {string.Join(' ', stopped.Select(t => $"(task {t.Id})"))}.");
        }
    }

    private void CheckCircuitBreaker(SimService service, SimDeployment primary)
    {
        var sd = primary.ServiceDeployment;
        if (primary.RolloutState != "IN_PROGRESS" || primary.IsRollback)
        {
            return;
        }

        var threshold = CircuitBreakerThreshold(service.DesiredCount);
        var breaker = Json.Obj(service.DeploymentConfiguration, "deploymentCircuitBreaker");
        if (breaker is null || !(Json.Bool(breaker, "enable") ?? false))
        {
            // Without the breaker ECS keeps retrying and only warns (SERVICE_TASK_START_IMPAIRED).
            if (primary.FailedTasks >= threshold && !primary.StartImpairedReported)
            {
                primary.StartImpairedReported = true;
                state.AddEvent(service, "is unable to consistently start tasks successfully. For more information, see the Troubleshooting section of the Amazon ECS Developer Guide.");
            }

            return;
        }

        sd.Threshold = threshold;
        if (primary.FailedTasks < threshold)
        {
            return;
        }

        primary.RolloutState = "FAILED";
        primary.RolloutStateReason = "ECS deployment circuit breaker: tasks failed to start.";
        primary.UpdatedAt = Now;
        sd.CircuitBreakerStatus = "TRIGGERED";
        sd.UpdatedAt = Now;
        state.AddEvent(service, $"(deployment {primary.Id}) deployment failed: tasks failed to start.");

        var rollback = Json.Bool(breaker, "rollback") ?? false;
        var target = service.LastCompletedDeployment;
        if (rollback && target is not null && target.Revision != primary.Revision)
        {
            sd.Status = "ROLLBACK_IN_PROGRESS";
            sd.StatusReason = "Service deployment rolled back because the circuit breaker threshold was exceeded.";
            sd.RollbackReason = "ECS deployment circuit breaker: tasks failed to start.";
            sd.RollbackStartedAt = Now;
            sd.RollbackRevision = target.Revision;
            primary.Status = "ACTIVE";
            primary.DesiredCount = 0;
            var digits = state.Digits(19);
            var id = "ecs-svc/" + digits;
            var deployment = new SimDeployment
            {
                Id = id,
                Revision = target.Revision,
                ServiceDeployment = sd,
                DesiredCount = service.DesiredCount,
                CreatedAt = Now,
                UpdatedAt = Now,
                IsRollback = true,
                RolloutStateReason = $"ECS deployment circuit breaker: rolling back to deploymentId {target.Id}.",
            };
            service.Deployments.Insert(0, deployment);
            service.Revision = target.Revision;
            state.AddEvent(service, $"(deployment {primary.Id}) rolling back to deployment {target.Id}.");
        }
        else
        {
            sd.Status = "STOPPED";
            sd.StatusReason = "Service deployment failed: ECS deployment circuit breaker: tasks failed to start.";
            sd.StoppedAt = Now;
            sd.FinishedAt = Now;
        }
    }

    private void CheckCompletion(SimService service, SimDeployment primary)
    {
        if (primary.RolloutState != "IN_PROGRESS")
        {
            RemoveDrainedDeployments(service, primary);
            ReportSteadyState(service, primary);
            return;
        }

        var tasks = TasksOf(service).ToList();
        var running = tasks.Count(t => t.DeploymentId == primary.Id && t.IsHealthyRunning);
        var pending = tasks.Count(t => t.DeploymentId == primary.Id && t.IsPendingStart);
        var others = tasks.Count(t => t.DeploymentId != primary.Id);
        if (running != service.DesiredCount || pending != 0 || others != 0)
        {
            return;
        }

        primary.RolloutState = "COMPLETED";
        primary.RolloutStateReason = $"ECS deployment {primary.Id} completed.";
        primary.UpdatedAt = Now;
        var sd = primary.ServiceDeployment;
        sd.Status = primary.IsRollback ? "ROLLBACK_SUCCESSFUL" : "SUCCESSFUL";
        sd.FinishedAt = Now;
        sd.UpdatedAt = Now;
        sd.LifecycleStage = "CLEAN_UP";
        if (sd.CircuitBreakerStatus == "MONITORING")
        {
            sd.CircuitBreakerStatus = "MONITORING_COMPLETE";
        }

        service.LastCompletedDeployment = primary;
        state.AddEvent(service, $"(deployment {primary.Id}) deployment completed.");
        RemoveDrainedDeployments(service, primary);
        ReportSteadyState(service, primary);
    }

    private void RemoveDrainedDeployments(SimService service, SimDeployment primary)
    {
        var tasks = TasksOf(service).ToList();
        service.Deployments.RemoveAll(d => d != primary && !tasks.Any(t => t.DeploymentId == d.Id));
    }

    private void ReportSteadyState(SimService service, SimDeployment primary)
    {
        if (service.SteadyStateReported || primary.RolloutState != "COMPLETED" || service.Deployments.Count != 1)
        {
            return;
        }

        var (running, pending) = Counts(service, primary);
        if (running == service.DesiredCount && pending == 0)
        {
            state.AddEvent(service, "has reached a steady state.");
            service.SteadyStateReported = true;
        }
    }

    private void PurgeDeletedTaskDefinitions()
    {
        foreach (var revisions in state.TaskDefinitions.Values)
        {
            for (var i = 0; i < revisions.Count; i++)
            {
                var td = revisions[i];
                if (td is { Status: "DELETE_IN_PROGRESS" }
                    && !state.Tasks.Values.Any(t => t.IsLive && t.TaskDefinition == td)
                    && !state.Services.Values.Any(s => s.Deployments.Any(d => d.Revision.TaskDefinition == td)))
                {
                    revisions[i] = null;
                }
            }
        }
    }
}
