using System.Globalization;
using System.Text.Json.Nodes;
using EcsOperator.Simulator.Model;
using EcsOperator.Simulator.Protocol;

namespace EcsOperator.Simulator.Ecs;

/// <summary>Container instance operations: what an ECS agent registers, and what callers list and describe.</summary>
internal sealed partial class EcsApi
{
    /// <summary>Ports the ECS agent reserves on every instance (SSH, Docker, the agent and its introspection API).</summary>
    public static readonly int[] AgentReservedPorts = [22, 2375, 2376, 51678, 51679, 51680];

    private JsonObject RegisterContainerInstance(JsonObject request)
    {
        var cluster = ResolveCluster(Json.Str(request, "cluster"));
        var document = Json.Str(request, "instanceIdentityDocument") is { Length: > 0 } text ? ParseIdentityDocument(text) : [];
        var resources = (Json.Arr(request, "totalResources") ?? []).OfType<JsonObject>().ToList();
        int? Integer(string name) => resources.FirstOrDefault(r => Json.Str(r, "name") == name) is { } r
            ? Json.Int(r, "integerValue") ?? (int?)Json.Double(r, "doubleValue") ?? (int?)Json.Double(r, "longValue")
            : null;
        HashSet<int>? Ports(string name) => resources.FirstOrDefault(r => Json.Str(r, "name") == name) is { } r
            ? [.. Json.Strings(r, "stringSetValue").Select(p => int.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out var port)
                ? port
                : throw AwsErrorException.InvalidParameter($"Invalid port '{p}' in {name}."))]
            : null;

        var cpu = Integer("CPU") ?? 2048;
        var memory = Integer("MEMORY") ?? 3904;
        if (cpu < 0 || memory < 0)
        {
            throw AwsErrorException.InvalidParameter("CPU and MEMORY resources must not be negative.");
        }

        var attributes = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["ecs.os-type"] = "linux",
            ["ecs.os-family"] = "LINUX",
            ["ecs.cpu-architecture"] = "x86_64",
            ["ecs.availability-zone"] = Json.Str(document, "availabilityZone") ?? _state.Options.Region + "a",
            ["ecs.instance-type"] = Json.Str(document, "instanceType") ?? "t3.medium",
            ["ecs.ami-id"] = Json.Str(document, "imageId") ?? "ami-0123456789abcdef0",
        };
        foreach (var attribute in (Json.Arr(request, "attributes") ?? []).OfType<JsonObject>())
        {
            var name = Json.Str(attribute, "name");
            if (string.IsNullOrEmpty(name) || name.Length > 128)
            {
                throw AwsErrorException.InvalidParameter("Attribute names must be between 1 and 128 characters.");
            }

            attributes[name] = Json.Str(attribute, "value");
        }

        // Re-registration with a known ARN updates that instance (what an agent does after an instance resize).
        if (Json.Str(request, "containerInstanceArn") is { } existingArn
            && _state.ContainerInstances.TryGetValue(existingArn, out var existing) && existing.Status == "ACTIVE")
        {
            existing.RegisteredCpu = cpu;
            existing.RegisteredMemory = memory;
            existing.ReservedPorts = Ports("PORTS") ?? existing.ReservedPorts;
            existing.ReservedUdpPorts = Ports("PORTS_UDP") ?? existing.ReservedUdpPorts;
            existing.Attributes = attributes;
            existing.Version++;
            return new JsonObject { ["containerInstance"] = RenderContainerInstance(existing, tags: true) };
        }

        var id = _state.Hex(32);
        var instance = new SimContainerInstance
        {
            Arn = _state.Prefix("ecs") + $"container-instance/{cluster.Name}/{id}",
            Id = id,
            Ec2InstanceId = Json.Str(document, "instanceId") ?? "i-" + _state.Hex(17),
            Cluster = cluster,
            RegisteredCpu = cpu,
            RegisteredMemory = memory,
            ReservedPorts = Ports("PORTS") ?? [.. AgentReservedPorts],
            ReservedUdpPorts = Ports("PORTS_UDP") ?? [],
            Attributes = attributes,
            Tags = ReadTags(request),
            RegisteredAt = Now,
        };
        _state.ContainerInstances[instance.Arn] = instance;
        cluster.ContainerInstances.Add(instance);
        cluster.ModelsCapacity = true;
        return new JsonObject { ["containerInstance"] = RenderContainerInstance(instance, tags: true) };
    }

    private static JsonObject ParseIdentityDocument(string text)
    {
        try
        {
            return JsonNode.Parse(text) as JsonObject ?? throw AwsErrorException.InvalidParameter("instanceIdentityDocument must be a JSON object.");
        }
        catch (System.Text.Json.JsonException)
        {
            throw AwsErrorException.InvalidParameter("instanceIdentityDocument is not valid JSON.");
        }
    }

    private JsonObject DeregisterContainerInstance(JsonObject request)
    {
        var cluster = ResolveCluster(Json.Str(request, "cluster"));
        var instance = FindContainerInstance(cluster, Json.RequiredStr(request, "containerInstance"))
            ?? throw AwsErrorException.InvalidParameter("The referenced container instance was not found.");
        if (instance.Tasks.Any(t => t.DesiredStatus == "RUNNING") && !(Json.Bool(request, "force") ?? false))
        {
            throw AwsErrorException.InvalidParameter("The container instance has tasks running. Stop them first, or deregister with force.");
        }

        _scheduler.RemoveContainerInstance(instance);
        return new JsonObject { ["containerInstance"] = RenderContainerInstance(instance, tags: false) };
    }

    private JsonObject ListContainerInstances(JsonObject request)
    {
        var cluster = ResolveCluster(Json.Str(request, "cluster"));
        var filter = Json.Str(request, "filter");
        var status = Json.Str(request, "status");
        if (status is not (null or "ACTIVE" or "DRAINING" or "REGISTERING" or "DEREGISTERING" or "REGISTRATION_FAILED"))
        {
            throw AwsErrorException.InvalidParameter("status must be one of [ACTIVE, DRAINING, REGISTERING, DEREGISTERING, REGISTRATION_FAILED].");
        }

        var query = string.IsNullOrWhiteSpace(filter) ? null : ClusterQuery.Parse(filter);
        var size = PageSize(request, 100, 100);
        var scope = $"ListContainerInstances:{cluster.Name}:{filter}:{status}";
        var offset = Json.ReadToken(Json.Str(request, "nextToken"), scope);
        var arns = cluster.ContainerInstances
            .Where(i => status is null || i.Status == status)
            .Where(i => query is null || query.Matches(i))
            .Select(i => i.Arn)
            .ToList();
        var response = new JsonObject();
        response["containerInstanceArns"] = Json.StringArray(Json.Page(arns, offset, size, scope, response, "nextToken"));
        return response;
    }

    private JsonObject DescribeContainerInstances(JsonObject request)
    {
        var cluster = ResolveCluster(Json.Str(request, "cluster"));
        var references = Json.Strings(request, "containerInstances");
        if (references.Count is 0 or > 100)
        {
            throw AwsErrorException.InvalidParameter("containerInstances must hold between 1 and 100 items.");
        }

        var tags = Includes(request).Contains("TAGS");
        var found = new JsonArray();
        var failures = new JsonArray();
        foreach (var reference in references)
        {
            if (FindContainerInstance(cluster, reference) is { } instance)
            {
                found.Add(RenderContainerInstance(instance, tags));
            }
            else
            {
                var arn = reference.StartsWith("arn:", StringComparison.Ordinal) ? reference : _state.Prefix("ecs") + $"container-instance/{cluster.Name}/{reference}";
                failures.Add(new JsonObject { ["arn"] = arn, ["reason"] = "MISSING" });
            }
        }

        return new JsonObject { ["containerInstances"] = found, ["failures"] = failures };
    }

    /// <summary>By id or ARN, including deregistered (INACTIVE) instances, which stay describable.</summary>
    internal SimContainerInstance? FindContainerInstance(SimCluster cluster, string reference)
    {
        var arn = reference.StartsWith("arn:", StringComparison.Ordinal) ? reference : _state.Prefix("ecs") + $"container-instance/{cluster.Name}/{reference}";
        return _state.ContainerInstances.TryGetValue(arn, out var instance) && instance.Cluster == cluster ? instance : null;
    }

    internal JsonObject RenderContainerInstance(SimContainerInstance instance, bool tags)
    {
        var live = instance.Tasks;
        var result = new JsonObject
        {
            ["containerInstanceArn"] = instance.Arn,
            ["ec2InstanceId"] = instance.Ec2InstanceId,
            ["version"] = instance.Version,
            ["versionInfo"] = new JsonObject { ["agentVersion"] = "1.88.0", ["agentHash"] = "0a1b2c3d", ["dockerVersion"] = "DockerVersion: 25.0.8" },
            ["remainingResources"] = Resources(instance.RemainingCpu, instance.RemainingMemory,
                instance.ReservedPorts.Concat(instance.UsedPorts.Where(p => p.Protocol == "tcp").Select(p => p.Port)),
                instance.ReservedUdpPorts.Concat(instance.UsedPorts.Where(p => p.Protocol == "udp").Select(p => p.Port))),
            ["registeredResources"] = Resources(instance.RegisteredCpu, instance.RegisteredMemory, instance.ReservedPorts, instance.ReservedUdpPorts),
            ["status"] = instance.Status,
            ["agentConnected"] = instance.Status == "ACTIVE",
            ["runningTasksCount"] = live.Count(t => t.LastStatus == "RUNNING"),
            ["pendingTasksCount"] = live.Count(t => t.LastStatus is "PROVISIONING" or "PENDING" or "ACTIVATING"),
            ["attributes"] = new JsonArray([.. instance.Attributes.Select(a => (JsonNode?)(a.Value is null
                ? new JsonObject { ["name"] = a.Key }
                : new JsonObject { ["name"] = a.Key, ["value"] = a.Value }))]),
            ["registeredAt"] = Json.Epoch(instance.RegisteredAt),
            ["attachments"] = new JsonArray(),
        };
        if (instance.CapacityProviderName is not null)
        {
            result["capacityProviderName"] = instance.CapacityProviderName;
        }

        if (tags)
        {
            result["tags"] = RenderTags(instance.Tags);
        }

        return result;
    }

    private static JsonArray Resources(int cpu, int memory, IEnumerable<int> ports, IEnumerable<int> udpPorts)
    {
        static JsonObject Integer(string name, int value) =>
            new() { ["name"] = name, ["type"] = "INTEGER", ["doubleValue"] = 0.0, ["longValue"] = 0, ["integerValue"] = value };
        static JsonObject Set(string name, IEnumerable<int> values) => new()
        {
            ["name"] = name,
            ["type"] = "STRINGSET",
            ["doubleValue"] = 0.0,
            ["longValue"] = 0,
            ["integerValue"] = 0,
            ["stringSetValue"] = Json.StringArray(values.Distinct().Order().Select(p => p.ToString(CultureInfo.InvariantCulture))),
        };
        return [Integer("CPU", cpu), Integer("MEMORY", memory), Set("PORTS", ports), Set("PORTS_UDP", udpPorts)];
    }

    /// <summary>Rejects placement constraints and strategies ECS would reject, so a bad expression fails the call, not a tick.</summary>
    internal static void ValidatePlacement(JsonArray? constraints, JsonArray? strategy, SimTaskDefinition? taskDefinition)
    {
        var all = (constraints ?? []).OfType<JsonObject>()
            .Concat((taskDefinition?.Body["placementConstraints"] as JsonArray ?? []).OfType<JsonObject>())
            .ToList();
        if (constraints is { Count: > 10 })
        {
            throw AwsErrorException.InvalidParameter("A maximum of 10 placement constraints is allowed.");
        }

        foreach (var constraint in all)
        {
            switch (Json.Str(constraint, "type"))
            {
                case "distinctInstance" when Json.Str(constraint, "expression") is null:
                    break;
                case "distinctInstance":
                    throw AwsErrorException.InvalidParameter("An expression is not allowed for the distinctInstance placement constraint.");
                case "memberOf":
                    ClusterQuery.Parse(Json.Str(constraint, "expression")
                        ?? throw AwsErrorException.InvalidParameter("The memberOf placement constraint requires an expression."));
                    break;
                default:
                    throw AwsErrorException.InvalidParameter("Placement constraint type must be one of [distinctInstance, memberOf].");
            }
        }

        if (strategy is { Count: > 5 })
        {
            throw AwsErrorException.InvalidParameter("A maximum of 5 placement strategies is allowed.");
        }

        foreach (var step in (strategy ?? []).OfType<JsonObject>())
        {
            var field = Json.Str(step, "field");
            switch (Json.Str(step, "type"))
            {
                case "random":
                    break;
                case "binpack" when field is not null && (field.Equals("cpu", StringComparison.OrdinalIgnoreCase) || field.Equals("memory", StringComparison.OrdinalIgnoreCase)):
                    break;
                case "binpack":
                    throw AwsErrorException.InvalidParameter("The binpack placement strategy field must be cpu or memory.");
                case "spread" when !string.IsNullOrEmpty(field):
                    break;
                case "spread":
                    throw AwsErrorException.InvalidParameter("The spread placement strategy requires a field.");
                default:
                    throw AwsErrorException.InvalidParameter("Placement strategy type must be one of [random, spread, binpack].");
            }
        }
    }
}
