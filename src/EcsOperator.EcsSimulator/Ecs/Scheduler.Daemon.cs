using System.Text.Json.Nodes;
using EcsOperator.Simulator.Model;
using EcsOperator.Simulator.Protocol;

namespace EcsOperator.Simulator.Ecs;

/// <summary>
/// The DAEMON service scheduler: exactly one task on each ACTIVE container instance that satisfies the service's
/// placement constraints; tasks on instances that left (deregistered, or no longer matching) stop. A deployment
/// replaces tasks instance by instance, stopping the old task before starting the new one (a daemon never runs two
/// tasks on one instance, so maximumPercent does not apply); minimumHealthyPercent (default 0 for daemons) bounds
/// how many instances are without a running task at once.
/// </summary>
internal sealed partial class Scheduler
{
    /// <summary>The instances a daemon service should run on (its desired count is their number).</summary>
    public List<SimContainerInstance> DaemonInstances(SimService service)
    {
        var revision = service.Revision;
        var provider = (revision.CapacityProviderStrategy ?? []).OfType<JsonObject>().Select(i => Json.Str(i, "capacityProvider")).FirstOrDefault();
        if (!Placement.UsesInstances(service.Cluster, revision.LaunchType, provider))
        {
            // No modelled instances (or a launch type that does not use them): nothing for a daemon to cover.
            return [];
        }

        return [.. service.Cluster.ContainerInstances.Where(i => i.Status == "ACTIVE" && Placement.Satisfies(i, revision.TaskDefinition, revision.PlacementConstraints))];
    }

    private void ScheduleDaemon(SimService service)
    {
        var primary = service.Primary;
        if (primary is null)
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

        var eligible = DaemonInstances(service);
        var desired = eligible.Count;
        if (service.DesiredCount != desired)
        {
            service.DesiredCount = desired;
            service.SteadyStateReported = false;
        }

        primary.DesiredCount = desired;
        CheckCircuitBreaker(service, primary);
        primary = service.Primary!;

        var tasks = TasksOf(service).ToList();
        var stopReason = $"Scaling activity initiated by (deployment {primary.Id})";
        var stopping = new List<SimTask>();

        // Tasks on instances the daemon no longer covers stop, as do old tasks that never started.
        stopping.AddRange(tasks.Where(t => t.DesiredStatus == "RUNNING"
            && (t.Placement is null || !eligible.Contains(t.Placement.Instance) || (t.DeploymentId != primary.Id && t.IsPendingStart))));

        var primaryStalled = primary.RolloutState == "FAILED";
        if (!primaryStalled)
        {
            var (minHealthy, _) = Bounds(desired, service.DeploymentConfiguration);
            StopOldWhileHealthy(tasks, primary, stopping, minHealthy);
        }

        foreach (var task in stopping)
        {
            RequestStop(task, "ServiceSchedulerInitiated", stopReason);
        }

        ReportStopped(service, stopping.Where(t => t.LastStatus == "RUNNING").ToList());

        if (!primaryStalled)
        {
            var started = new List<SimTask>();
            foreach (var instance in eligible)
            {
                // Stop before start: an instance gets its new task once the old one is gone.
                if (tasks.Any(t => t.Placement?.Instance == instance && t.IsPhysicallyActive))
                {
                    continue;
                }

                if (LaunchForService(service, primary, instance) is { } task)
                {
                    started.Add(task);
                }
            }

            ReportStarted(service, started);
        }

        CheckCompletion(service, primary);
    }

    /// <summary>
    /// The instance leaves the cluster (deregistered with force, or terminated): it turns INACTIVE and its tasks
    /// stop, so services replace them elsewhere and daemons drop to the remaining instances.
    /// </summary>
    public void RemoveContainerInstance(SimContainerInstance instance)
    {
        instance.Status = "INACTIVE";
        instance.Version++;
        instance.Cluster.ContainerInstances.Remove(instance);
        foreach (var task in instance.Tasks.ToList())
        {
            RequestStop(task, "TerminationNotice", $"Host EC2 (instance {instance.Ec2InstanceId}) terminated.");
        }
    }
}
