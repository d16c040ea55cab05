using System.Text.Json.Nodes;
using EcsOperator.Simulator.Model;
using EcsOperator.Simulator.Protocol;

namespace EcsOperator.Simulator.Ecs;

/// <summary>
/// Managed scaling of Auto Scaling group capacity providers, as the ECS developer guide describes cluster auto
/// scaling: each step ECS computes CapacityProviderReservation = M / N × 100 (N: the group's instances, M: the
/// instances needed for the tasks that run on them plus those that found no room; 200 when N = 0 and M &gt; 0, 100
/// when both are 0) and, above targetCapacity, grows the group to ceil(M × 100 / target) instances, by at least
/// minimumScalingStepSize and at most maximumScalingStepSize, up to the group's maximum size, and not again until
/// instanceWarmupPeriod has passed. New instances join the provider's cluster at once (they are placed on from the
/// next step). Scale-in is not modelled.
/// </summary>
internal sealed partial class Scheduler
{
    /// <summary>The managed provider of a task's capacity provider name, when it is one the simulator models.</summary>
    internal SimCapacityProvider? ManagedProvider(string? name) =>
        name is not null && state.CapacityProviders.TryGetValue(name, out var provider) && provider.Status == "ACTIVE" ? provider : null;

    /// <summary>Tasks of <paramref name="taskDefinition"/> that found no room on <paramref name="provider"/>'s instances this step.</summary>
    internal void NoteShortfall(string? provider, SimTaskDefinition taskDefinition, int tasks)
    {
        if (ManagedProvider(provider) is not { } managed || tasks <= 0)
        {
            return;
        }

        var (cpu, memory) = Placement.Requirements(taskDefinition, null);
        managed.PendingTasks += tasks;
        managed.PendingResources = (managed.PendingResources.Cpu + (cpu * tasks), managed.PendingResources.Memory + (memory * tasks));
    }

    /// <summary>One managed-scaling evaluation of every ACTIVE provider (after the services placed what they could).</summary>
    private void ScaleCapacityProviders()
    {
        foreach (var provider in state.CapacityProviders.Values.Where(p => p.Status == "ACTIVE").ToList())
        {
            provider.Instances.RemoveAll(i => i.Status != "ACTIVE");
            var group = GroupOf(provider);
            var n = provider.Instances.Count;
            var busy = provider.Instances.Count(i => i.Tasks.Count > 0);
            var extra = provider.PendingTasks == 0 ? 0 : Math.Max(1, (int)Math.Ceiling(Math.Max(
                (double)provider.PendingResources.Cpu / Math.Max(1, group.Cpu),
                (double)provider.PendingResources.Memory / Math.Max(1, group.Memory))));
            var m = busy + extra;
            provider.Reservation = n == 0 ? (m > 0 ? 200 : 100) : m * 100.0 / n;
            provider.PendingTasks = 0;
            provider.PendingResources = (0, 0);

            if (provider.ManagedScalingStatus != "ENABLED" || provider.Reservation <= provider.TargetCapacity)
            {
                continue;
            }

            if (provider.LastScaleOutAt is { } last && Now - last < TimeSpan.FromSeconds(provider.InstanceWarmupPeriod))
            {
                continue; // the last instances are still warming up: ECS does not count them yet
            }

            var cluster = state.Clusters.Values.FirstOrDefault(c => c.Status == "ACTIVE" && c.CapacityProviders.Contains(provider.Name));
            if (cluster is null)
            {
                continue; // instances of a group no cluster uses would join no cluster
            }

            var wanted = (int)Math.Ceiling(m * 100.0 / provider.TargetCapacity);
            var step = Math.Clamp(wanted - n, provider.MinimumScalingStepSize, provider.MaximumScalingStepSize);
            var launch = Math.Min(step, group.MaxSize - n);
            if (launch <= 0)
            {
                continue;
            }

            for (var i = 0; i < launch; i++)
            {
                provider.Instances.Add(LaunchInstance(provider, cluster, group));
            }

            provider.LastScaleOutAt = Now;
            provider.ScaleOuts.Add((Now, n, n + launch));
        }
    }

    private SimAutoScalingGroup GroupOf(SimCapacityProvider provider)
    {
        var name = provider.AutoScalingGroupArn[(provider.AutoScalingGroupArn.LastIndexOf('/') + 1)..];
        return state.AutoScalingGroups.GetValueOrDefault(provider.AutoScalingGroupArn)
            ?? state.AutoScalingGroups.GetValueOrDefault(name)
            ?? new SimAutoScalingGroup();
    }

    /// <summary>An instance of the group boots and its ECS agent registers it with the cluster.</summary>
    private SimContainerInstance LaunchInstance(SimCapacityProvider provider, SimCluster cluster, SimAutoScalingGroup group)
    {
        var id = state.Hex(32);
        var zones = new[] { "a", "b", "c" };
        var instance = new SimContainerInstance
        {
            Arn = state.Prefix("ecs") + $"container-instance/{cluster.Name}/{id}",
            Id = id,
            Ec2InstanceId = "i-" + state.Hex(17),
            Cluster = cluster,
            RegisteredCpu = group.Cpu,
            RegisteredMemory = group.Memory,
            ReservedPorts = [.. EcsApi.AgentReservedPorts],
            Attributes = new Dictionary<string, string?>(StringComparer.Ordinal)
            {
                ["ecs.os-type"] = "linux",
                ["ecs.os-family"] = "LINUX",
                ["ecs.cpu-architecture"] = "x86_64",
                ["ecs.availability-zone"] = state.Options.Region + zones[provider.Instances.Count % zones.Length],
                ["ecs.instance-type"] = group.InstanceType,
                ["ecs.ami-id"] = "ami-0123456789abcdef0",
            },
            RegisteredAt = Now,
            CapacityProviderName = provider.Name,
        };
        state.ContainerInstances[instance.Arn] = instance;
        cluster.ContainerInstances.Add(instance);
        cluster.ModelsCapacity = true;
        return instance;
    }

    /// <summary>Deleted providers finish deleting on the next step (INACTIVE, DELETE_COMPLETE) and are forgotten later.</summary>
    private void FinishCapacityProviderDeletions()
    {
        foreach (var provider in state.CapacityProviders.Values.ToList())
        {
            if (provider.UpdateStatus == "DELETE_IN_PROGRESS" && provider.DeletedAt < Now)
            {
                provider.Status = "INACTIVE";
                provider.UpdateStatus = "DELETE_COMPLETE";
            }
            else if (provider.Status == "INACTIVE" && provider.DeletedAt < Now - state.Options.StoppedResourceRetention)
            {
                state.CapacityProviders.Remove(provider.Name);
            }
        }
    }

    /// <summary>
    /// Which instances a task may use: <paramref name="instance"/> alone (the daemon scheduler), and only the group's
    /// instances for a provider the simulator manages (ECS places a provider's tasks on its Auto Scaling group).
    /// </summary>
    internal Func<SimContainerInstance, bool>? OnlyOn(SimContainerInstance? instance, string? provider) =>
        (instance, ManagedProvider(provider)) switch
        {
            (null, null) => null,
            ({ } one, null) => i => i == one,
            (null, { } managed) => i => i.CapacityProviderName == managed.Name,
            ({ } one, { } managed) => i => i == one && i.CapacityProviderName == managed.Name,
        };

    /// <summary>The strategy's first provider (what the simulator places by), for services and RunTask.</summary>
    internal static string? FirstProvider(JsonArray? strategy) =>
        (strategy ?? []).OfType<JsonObject>().Select(i => Json.Str(i, "capacityProvider")).FirstOrDefault();
}
