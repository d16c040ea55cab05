using System.Globalization;
using System.Text.Json.Nodes;
using EcsOperator.Simulator.Model;
using EcsOperator.Simulator.Protocol;

namespace EcsOperator.Simulator.Ecs;

/// <summary>
/// EC2 task placement as the ECS developer guide describes it: instances that satisfy every placement constraint
/// (<c>distinctInstance</c>, <c>memberOf</c>), then those with enough CPU, memory and free host ports, then the
/// placement strategies in order (each keeps the best instances for the next: <c>binpack</c> on cpu or memory,
/// <c>spread</c> on <c>instanceId</c>/<c>host</c> or an attribute, <c>random</c>). Bridge-mode container ports with
/// host port 0 get a dynamic port from the ephemeral range 49153–65535. Callers hold the state lock.
/// </summary>
internal sealed class Placement(SimulatorState state)
{
    public const int EphemeralFirst = 49153;
    public const int EphemeralLast = 65535;

    /// <summary>The default strategy of a service: spread over Availability Zones, then over instances.</summary>
    public static readonly JsonArray ServiceDefaultStrategy =
    [
        new JsonObject { ["type"] = "spread", ["field"] = "attribute:ecs.availability-zone" },
        new JsonObject { ["type"] = "spread", ["field"] = "instanceId" },
    ];

    /// <summary>The default strategy of RunTask: random.</summary>
    public static readonly JsonArray RunTaskDefaultStrategy = [new JsonObject { ["type"] = "random" }];

    /// <summary>Whether a task of this launch type / capacity provider runs on the cluster's container instances.</summary>
    public bool UsesInstances(SimCluster cluster, string? launchType, string? capacityProvider) =>
        ((cluster.ModelsCapacity || state.Options.RequireContainerInstances)
            && (launchType == "EC2" || (launchType is null && capacityProvider is not null and not ("FARGATE" or "FARGATE_SPOT"))))
        // An Auto Scaling group provider created through the API always places on its group's instances.
        || (launchType is null && capacityProvider is not null && state.CapacityProviders.TryGetValue(capacityProvider, out var provider) && provider.Status == "ACTIVE");

    /// <summary>What a task of <paramref name="taskDefinition"/> needs: CPU units, MiB and its port mappings.</summary>
    public static (int Cpu, int Memory) Requirements(SimTaskDefinition taskDefinition, JsonObject? overrides)
    {
        var cpu = Units(Json.Str(overrides ?? [], "cpu") ?? Json.Str(taskDefinition.Body, "cpu"), vcpu: true)
            ?? taskDefinition.Containers.Sum(c => Json.Int(c, "cpu") ?? 0);
        var memory = Units(Json.Str(overrides ?? [], "memory") ?? Json.Str(taskDefinition.Body, "memory"), vcpu: false)
            ?? taskDefinition.Containers.Sum(c => Json.Int(c, "memory") ?? Json.Int(c, "memoryReservation") ?? 0);
        return (cpu, memory);
    }

    /// <summary>Parses task-level cpu ("256", "1 vCPU") or memory ("512", "1 GB").</summary>
    private static int? Units(string? text, bool vcpu)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var parts = text.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (!double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            return null;
        }

        var unit = parts.Length > 1 ? parts[1].ToUpperInvariant() : "";
        return unit is "VCPU" or "GB" ? (int)(value * 1024) : (int)value;
    }

    /// <summary>
    /// Chooses an instance for one task, or returns the failures (one per instance, as RunTask reports them) and a
    /// service event sentence when none fits.
    /// </summary>
    public (SimPlacement? Placement, List<(string? Arn, string Reason)> Failures, string Why) Place(
        SimCluster cluster,
        SimTaskDefinition taskDefinition,
        JsonObject? overrides,
        string group,
        JsonArray? constraints,
        JsonArray strategy,
        IReadOnlyCollection<SimTask> groupTasks,
        Func<SimContainerInstance, bool>? only = null)
    {
        var failures = new List<(string? Arn, string Reason)>();
        var candidates = cluster.ContainerInstances.Where(i => i.Status == "ACTIVE" && (only is null || only(i))).ToList();
        if (candidates.Count == 0)
        {
            return (null, failures, "Reason: No Container Instances were found in your cluster.");
        }

        var memberOf = MemberOf(taskDefinition, constraints);
        var distinct = (constraints ?? []).OfType<JsonObject>().Any(c => Json.Str(c, "type") == "distinctInstance");
        var eligible = new List<SimContainerInstance>();
        foreach (var instance in candidates)
        {
            if (!memberOf.All(q => q.Matches(instance)))
            {
                failures.Add((instance.Arn, "ATTRIBUTE"));
            }
            else if (distinct && instance.Tasks.Any(t => t.Group == group && t.DesiredStatus == "RUNNING"))
            {
                failures.Add((instance.Arn, "DistinctInstance placement constraint unsatisfied."));
            }
            else
            {
                eligible.Add(instance);
            }
        }

        if (eligible.Count == 0)
        {
            // ECS names the first instance it ruled out and the constraint that did it.
            var (_, first) = failures[0];
            var instanceId = candidates[0].Id;
            var error = first == "ATTRIBUTE" ? "memberOf constraint unsatisfied" : "DistinctInstance placement constraint unsatisfied.";
            return (null, failures, $"The closest matching container-instance {instanceId} encountered error \"{error}\".");
        }

        var (cpu, memory) = Requirements(taskDefinition, overrides);
        var fitting = new List<(SimContainerInstance Instance, List<SimNetworkBinding> Bindings)>();
        (SimContainerInstance Instance, string Reason)? closest = null;
        foreach (var instance in eligible)
        {
            var reason = instance.RemainingCpu < cpu ? "RESOURCE:CPU"
                : instance.RemainingMemory < memory ? "RESOURCE:MEMORY"
                : null;
            var bindings = reason is null ? Bind(instance, taskDefinition) : null;
            if (reason is null && bindings is null)
            {
                reason = "RESOURCE:PORTS";
            }

            if (reason is not null)
            {
                failures.Add((instance.Arn, reason));
                closest ??= (instance, reason);
                continue;
            }

            fitting.Add((instance, bindings!));
        }

        if (fitting.Count == 0)
        {
            var (instance, reason) = closest!.Value;
            var what = reason switch
            {
                "RESOURCE:CPU" => "has insufficient CPU units available",
                "RESOURCE:MEMORY" => "has insufficient memory available",
                _ => "is already using a port required by your task",
            };
            return (null, failures, $"The closest matching container-instance {instance.Id} {what}.");
        }

        var best = fitting.Select(f => f.Instance).ToList();
        foreach (var step in strategy.OfType<JsonObject>())
        {
            best = Apply(step, best, groupTasks);
        }

        var chosen = best[0];
        return (new SimPlacement(chosen, cpu, memory, fitting.First(f => f.Instance == chosen).Bindings), [], "");
    }

    /// <summary>Whether the instance satisfies the memberOf constraints of the request and the task definition.</summary>
    public static bool Satisfies(SimContainerInstance instance, SimTaskDefinition taskDefinition, JsonArray? constraints) =>
        MemberOf(taskDefinition, constraints).All(q => q.Matches(instance));

    private static List<ClusterQuery> MemberOf(SimTaskDefinition taskDefinition, JsonArray? constraints) =>
        [.. (constraints ?? []).OfType<JsonObject>()
            .Concat((taskDefinition.Body["placementConstraints"] as JsonArray ?? []).OfType<JsonObject>())
            .Where(c => Json.Str(c, "type") == "memberOf")
            .Select(c => ClusterQuery.Parse(Json.Str(c, "expression") ?? ""))];

    /// <summary>Holds the placement's resources on its instance.</summary>
    public static void Reserve(SimTask task, SimPlacement placement)
    {
        var instance = placement.Instance;
        instance.UsedCpu += placement.Cpu;
        instance.UsedMemory += placement.Memory;
        foreach (var binding in placement.Bindings)
        {
            instance.UsedPorts.Add((binding.HostPort, binding.Protocol));
        }

        instance.Tasks.Add(task);
        instance.Version++;
        task.Placement = placement;
    }

    /// <summary>Gives the task's resources back (it reached STOPPED).</summary>
    public static void Release(SimTask task)
    {
        if (task.Placement is not { } placement)
        {
            return;
        }

        var instance = placement.Instance;
        instance.UsedCpu -= placement.Cpu;
        instance.UsedMemory -= placement.Memory;
        foreach (var binding in placement.Bindings)
        {
            instance.UsedPorts.Remove((binding.HostPort, binding.Protocol));
        }

        instance.Tasks.Remove(task);
        instance.Version++;
    }

    /// <summary>The host ports the task would publish on the instance, or null when a static one is taken.</summary>
    private static List<SimNetworkBinding>? Bind(SimContainerInstance instance, SimTaskDefinition taskDefinition)
    {
        var mode = taskDefinition.NetworkMode ?? "bridge";
        var bindings = new List<SimNetworkBinding>();
        if (mode is not ("bridge" or "host"))
        {
            return bindings;
        }

        bool Taken(int port, string protocol) =>
            instance.PortTaken(port, protocol) || bindings.Any(b => b.HostPort == port && b.Protocol == protocol);

        foreach (var container in taskDefinition.Containers)
        {
            var name = Json.Str(container, "name") ?? "";
            foreach (var mapping in (container["portMappings"] as JsonArray ?? []).OfType<JsonObject>())
            {
                if (Json.Int(mapping, "containerPort") is not { } containerPort)
                {
                    continue;
                }

                var protocol = Json.Str(mapping, "protocol") ?? "tcp";
                var hostPort = Json.Int(mapping, "hostPort") ?? (mode == "host" ? containerPort : 0);
                if (hostPort == 0)
                {
                    hostPort = Enumerable.Range(EphemeralFirst, EphemeralLast - EphemeralFirst + 1).FirstOrDefault(p => !Taken(p, protocol));
                    if (hostPort == 0)
                    {
                        return null;
                    }
                }
                else if (Taken(hostPort, protocol))
                {
                    return null;
                }

                bindings.Add(new SimNetworkBinding(name, containerPort, hostPort, protocol));
            }
        }

        return bindings;
    }

    private List<SimContainerInstance> Apply(JsonObject step, List<SimContainerInstance> instances, IReadOnlyCollection<SimTask> groupTasks)
    {
        var type = Json.Str(step, "type");
        var field = Json.Str(step, "field") ?? "";
        switch (type)
        {
            case "random":
                return [instances[state.Random(instances.Count)]];
            case "binpack":
                // Least of the field left: the fullest instance that still fits.
                Func<SimContainerInstance, int> left = field.Equals("cpu", StringComparison.OrdinalIgnoreCase)
                    ? i => i.RemainingCpu
                    : i => i.RemainingMemory;
                var least = instances.Min(left);
                return [.. instances.Where(i => left(i) == least)];
            case "spread":
                // The value (instance, zone, ...) holding the fewest tasks of the group wins.
                Func<SimContainerInstance, string?> key = field is "instanceId" or "host"
                    ? i => i.Arn
                    : i => i.Attribute(field.StartsWith("attribute:", StringComparison.Ordinal) ? field["attribute:".Length..] : field);
                var perValue = groupTasks
                    .Where(t => t.DesiredStatus == "RUNNING" && t.Placement is not null)
                    .GroupBy(t => key(t.Placement!.Instance) ?? "")
                    .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
                int Load(SimContainerInstance i) => perValue.GetValueOrDefault(key(i) ?? "");
                var fewest = instances.Min(Load);
                return [.. instances.Where(i => Load(i) == fewest)];
            default:
                return instances;
        }
    }
}
