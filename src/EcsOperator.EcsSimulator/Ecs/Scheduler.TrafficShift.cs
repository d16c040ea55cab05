using System.Globalization;
using System.Text.Json.Nodes;
using EcsOperator.Simulator.Model;
using EcsOperator.Simulator.Protocol;

namespace EcsOperator.Simulator.Ecs;

/// <summary>
/// Native ECS blue/green, linear and canary deployments: the green revision scales up next to the blue one, test
/// traffic then production traffic shift to it (in one step, in canary + rest, or in equal linear steps with a bake
/// between steps), both run through BAKE_TIME, then CLEAN_UP stops the blue tasks. Lifecycle hooks run when their
/// stage is entered (PRODUCTION_TRAFFIC_SHIFT at every step); a failed hook or StopServiceDeployment ROLLBACK sends
/// traffic back to blue and stops green. One stage change per tick at most, so every stage is observable.
/// </summary>
internal sealed partial class Scheduler
{
    public static bool ShiftsTraffic(string? strategy) => strategy is "BLUE_GREEN" or "LINEAR" or "CANARY";

    /// <summary>Drives a traffic-shifting deployment one tick; false when the rolling scheduler should run instead.</summary>
    private bool ScheduleTrafficShift(SimService service, SimDeployment primary)
    {
        var sd = primary.ServiceDeployment;
        if (!ShiftsTraffic(sd.Strategy) || primary.IsRollback || sd.Blue is null || sd.Status is not ("PENDING" or "IN_PROGRESS"))
        {
            return false;
        }

        if (sd.Status == "PENDING")
        {
            sd.Status = "IN_PROGRESS";
            sd.StartedAt = Now;
            sd.UpdatedAt = Now;
        }

        var desired = service.DesiredCount;
        primary.DesiredCount = desired;
        sd.Blue.DesiredCount = sd.LifecycleStage == "CLEAN_UP" ? 0 : desired;
        var tasks = TasksOf(service).ToList();

        // Deployments older than blue (superseded mid-way) have no traffic: their tasks go at once.
        var older = tasks.Where(t => t.DeploymentId != primary.Id && t.DeploymentId != sd.Blue.Id && t.DesiredStatus == "RUNNING").ToList();
        StopAll(service, primary, older);

        switch (sd.LifecycleStage)
        {
            case "RECONCILE_SERVICE":
                Enter(service, sd, "PRE_SCALE_UP");
                break;
            case "PRE_SCALE_UP":
                Enter(service, sd, "SCALE_UP");
                break;
            case "SCALE_UP":
                TopUp(service, primary, tasks);
                var (running, pending) = Counts(service, primary);
                if (running >= desired && pending == 0)
                {
                    Enter(service, sd, "POST_SCALE_UP");
                }

                break;
            case "POST_SCALE_UP":
                TopUp(service, primary, tasks);
                Enter(service, sd, "TEST_TRAFFIC_SHIFT");
                break;
            case "TEST_TRAFFIC_SHIFT":
                TopUp(service, primary, tasks);
                sd.TestTrafficPercent = 100;
                Enter(service, sd, "POST_TEST_TRAFFIC_SHIFT");
                break;
            case "POST_TEST_TRAFFIC_SHIFT":
                TopUp(service, primary, tasks);
                Enter(service, sd, "PRODUCTION_TRAFFIC_SHIFT");
                break;
            case "PRODUCTION_TRAFFIC_SHIFT":
                TopUp(service, primary, tasks);
                ShiftProduction(service, sd);
                break;
            case "POST_PRODUCTION_TRAFFIC_SHIFT":
                TopUp(service, primary, tasks);
                if (Enter(service, sd, "BAKE_TIME"))
                {
                    sd.WaitUntil = Now + TimeSpan.FromMinutes(Json.Int(sd.DeploymentConfiguration, "bakeTimeInMinutes") ?? 0);
                }

                break;
            case "BAKE_TIME":
                TopUp(service, primary, tasks);
                if (sd.WaitUntil is not { } bakeEnd || Now >= bakeEnd)
                {
                    sd.WaitUntil = null;
                    Enter(service, sd, "CLEAN_UP");
                }

                break;
            case "CLEAN_UP":
                sd.Blue.DesiredCount = 0;
                StopAll(service, primary, tasks.Where(t => t.DeploymentId == sd.Blue.Id && t.DesiredStatus == "RUNNING").ToList());
                if (!TasksOf(service).Any(t => t.DeploymentId != primary.Id))
                {
                    primary.RolloutState = "COMPLETED";
                    primary.RolloutStateReason = $"ECS deployment {primary.Id} completed.";
                    primary.UpdatedAt = Now;
                    sd.Status = "SUCCESSFUL";
                    sd.FinishedAt = Now;
                    sd.UpdatedAt = Now;
                    service.LastCompletedDeployment = primary;
                    state.AddEvent(service, $"(deployment {primary.Id}) deployment completed.");
                    RemoveDrainedDeployments(service, primary);
                }

                break;
        }

        return true;
    }

    /// <summary>One production step: BLUE_GREEN all at once, CANARY canaryPercent then the rest, LINEAR stepPercent each.</summary>
    private void ShiftProduction(SimService service, SimServiceDeployment sd)
    {
        if (sd.WaitUntil is { } until && Now < until)
        {
            return;
        }

        sd.WaitUntil = null;
        if (sd.ProductionTrafficPercent >= 100)
        {
            Enter(service, sd, "POST_PRODUCTION_TRAFFIC_SHIFT");
            return;
        }

        // Defaults from the API reference: canary 5% for 10 minutes, linear 10% steps 6 minutes apart.
        var canary = Json.Obj(sd.DeploymentConfiguration, "canaryConfiguration") ?? [];
        var linear = Json.Obj(sd.DeploymentConfiguration, "linearConfiguration") ?? [];
        var (next, bake) = sd.Strategy switch
        {
            "CANARY" when sd.ProductionTrafficPercent == 0 => (
                Json.Double(canary, "canaryPercent") ?? 5.0, Json.Int(canary, "canaryBakeTimeInMinutes") ?? 10),
            "LINEAR" => (
                sd.ProductionTrafficPercent + (Json.Double(linear, "stepPercent") ?? 10.0), Json.Int(linear, "stepBakeTimeInMinutes") ?? 6),
            _ => (100.0, 0),
        };
        next = Math.Min(100, Math.Round(next, 1));

        // Hooks of PRODUCTION_TRAFFIC_SHIFT run at every step (ECS linear deployments guide).
        if (!RunHooks(service, sd, "PRODUCTION_TRAFFIC_SHIFT"))
        {
            return;
        }

        sd.ProductionTrafficPercent = next;
        sd.UpdatedAt = Now;
        state.AddEvent(service, $"(service-deployment {ShortId(sd)}) shifted {next.ToString("0.#", CultureInfo.InvariantCulture)}% of production traffic to the target service revision.");

        // The step bake is not applied after reaching 100 percent.
        if (next < 100 && bake > 0)
        {
            sd.WaitUntil = Now + TimeSpan.FromMinutes(bake);
        }
    }

    /// <summary>Moves to <paramref name="stage"/> after running its hooks; false when a hook failed (rollback started).</summary>
    private bool Enter(SimService service, SimServiceDeployment sd, string stage)
    {
        if (!RunHooks(service, sd, stage))
        {
            return false;
        }

        sd.LifecycleStage = stage;
        sd.UpdatedAt = Now;
        return true;
    }

    private bool RunHooks(SimService service, SimServiceDeployment sd, string stage)
    {
        foreach (var hook in (Json.Arr(sd.DeploymentConfiguration, "lifecycleHooks") ?? []).OfType<JsonObject>())
        {
            if (!Json.Strings(hook, "lifecycleStages").Contains(stage))
            {
                continue;
            }

            var target = Json.Str(hook, "hookTargetArn");
            var failed = state.Rules.HookFails(stage, target);
            sd.HookRuns.Add((stage, target, failed ? "FAILED" : "SUCCEEDED", Now));
            if (failed)
            {
                RollBack(service, sd, $"Service deployment rolled back because the lifecycle hook {target} failed at {stage}.");
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Sends the service back to the revision it ran before <paramref name="sd"/>: for a traffic-shifting deployment
    /// production and test traffic return to blue and green scales in; for a rolling one a rollback deployment of the
    /// last completed revision starts (as the circuit breaker's). False when there is nothing to go back to.
    /// </summary>
    public bool RollBack(SimService service, SimServiceDeployment sd, string reason)
    {
        var green = service.Deployments.FirstOrDefault(d => d.ServiceDeployment == sd && !d.IsRollback);
        if (green is null)
        {
            return false;
        }

        var blue = sd.Blue ?? (service.LastCompletedDeployment is { } last && last.Revision != green.Revision ? last : null);
        if (blue is null)
        {
            return false;
        }

        sd.Status = "ROLLBACK_IN_PROGRESS";
        sd.StatusReason = reason;
        sd.RollbackReason = reason;
        sd.RollbackStartedAt = Now;
        sd.RollbackRevision = blue.Revision;
        sd.ProductionTrafficPercent = 0;
        sd.TestTrafficPercent = 0;
        sd.WaitUntil = null;
        sd.UpdatedAt = Now;
        if (sd.CircuitBreakerStatus == "MONITORING")
        {
            sd.CircuitBreakerStatus = "MONITORING_COMPLETE";
        }

        green.RolloutState = "FAILED";
        green.RolloutStateReason = reason;
        green.Status = "ACTIVE";
        green.DesiredCount = 0;
        green.UpdatedAt = Now;
        SimDeployment restored;
        if (sd.Blue is not null && service.Deployments.Contains(sd.Blue))
        {
            // Blue still runs: it becomes PRIMARY again, its tasks keep serving.
            restored = sd.Blue;
            service.Deployments.Remove(restored);
            restored.Status = "PRIMARY";
            restored.DesiredCount = service.DesiredCount;
            restored.UpdatedAt = Now;
            service.Deployments.Insert(0, restored);
        }
        else
        {
            var id = "ecs-svc/" + state.Digits(19);
            restored = new SimDeployment
            {
                Id = id,
                Revision = blue.Revision,
                ServiceDeployment = sd,
                DesiredCount = service.DesiredCount,
                CreatedAt = Now,
                UpdatedAt = Now,
                IsRollback = true,
                RolloutStateReason = $"ECS deployment {id} in progress.",
            };
            service.Deployments.Insert(0, restored);
        }

        service.Revision = blue.Revision;
        service.SteadyStateReported = false;
        state.AddEvent(service, $"(deployment {green.Id}) rolling back to deployment {blue.Id}.");
        return true;
    }

    /// <summary>A rollback of a traffic-shifting deployment is done once green has no task left.</summary>
    private void FinishRollbacks(SimService service)
    {
        if (service.ServiceDeployments.Count == 0)
        {
            return;
        }

        var sd = service.ServiceDeployments[^1];
        if (sd.Status != "ROLLBACK_IN_PROGRESS" || !ShiftsTraffic(sd.Strategy) || sd.Blue is null)
        {
            return;
        }

        var green = service.Deployments.FirstOrDefault(d => d.ServiceDeployment == sd && d != sd.Blue);
        var (running, pending) = Counts(service, service.Primary);
        if ((green is null || !service.LiveTasks.Any(t => t.DeploymentId == green.Id)) && running >= service.DesiredCount && pending == 0)
        {
            sd.Status = "ROLLBACK_SUCCESSFUL";
            sd.FinishedAt = Now;
            sd.UpdatedAt = Now;
            state.AddEvent(service, $"(service-deployment {ShortId(sd)}) rollback completed.");
        }
    }

    private void TopUp(SimService service, SimDeployment primary, List<SimTask> tasks)
    {
        var wanted = service.DesiredCount - tasks.Count(t => t.DeploymentId == primary.Id && t.DesiredStatus == "RUNNING");
        var started = new List<SimTask>();
        for (var i = 0; i < wanted; i++)
        {
            if (LaunchForService(service, primary) is not { } task)
            {
                break;
            }

            started.Add(task);
        }

        ReportStarted(service, started);
    }

    private void StopAll(SimService service, SimDeployment primary, List<SimTask> stopping)
    {
        foreach (var task in stopping)
        {
            RequestStop(task, "ServiceSchedulerInitiated", $"Scaling activity initiated by (deployment {primary.Id})");
        }

        ReportStopped(service, stopping.Where(t => t.LastStatus == "RUNNING").ToList());
    }

    private static string ShortId(SimServiceDeployment sd) => sd.Arn[(sd.Arn.LastIndexOf('/') + 1)..];
}
