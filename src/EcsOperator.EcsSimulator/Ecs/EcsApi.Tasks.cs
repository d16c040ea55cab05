using System.Text.Json.Nodes;
using EcsOperator.Simulator.Model;
using EcsOperator.Simulator.Protocol;

namespace EcsOperator.Simulator.Ecs;

/// <summary>Task operations.</summary>
internal sealed partial class EcsApi
{
    private JsonObject RunTask(JsonObject request)
    {
        var cluster = ResolveCluster(Json.Str(request, "cluster"));
        var reference = Json.RequiredStr(request, "taskDefinition");
        var td = FindTaskDefinition(reference) ?? throw AwsErrorException.Client("TaskDefinition not found.");
        if (td.Status != "ACTIVE")
        {
            throw AwsErrorException.Client("TaskDefinition is inactive");
        }

        var count = Json.Int(request, "count") ?? 1;
        if (count is < 1 or > 10)
        {
            throw AwsErrorException.InvalidParameter("count must be between 1 and 10.");
        }

        var startedBy = Json.Str(request, "startedBy");
        if (startedBy is { Length: > 128 })
        {
            throw AwsErrorException.InvalidParameter("startedBy can be at most 128 characters.");
        }

        var clientToken = Json.Str(request, "clientToken");
        if (clientToken is not null && _state.RunTaskTokens.TryGetValue(clientToken, out var previous))
        {
            if (previous.Fingerprint != request.ToJsonString())
            {
                throw new AwsErrorException("ConflictException", "The request uses the same client token as a previous, but non-identical request.");
            }

            return new JsonObject
            {
                ["tasks"] = new JsonArray([.. previous.Tasks.Select(t => (JsonNode?)RenderTask(t, tags: true))]),
                ["failures"] = new JsonArray(),
            };
        }

        var launchType = Json.Str(request, "launchType");
        var strategy = Json.Arr(request, "capacityProviderStrategy");
        if (launchType is not null && strategy is { Count: > 0 })
        {
            throw AwsErrorException.InvalidParameter("Specifying both a launch type and capacity provider strategy is not supported. Remove one and try again.");
        }

        if (launchType is null && strategy is null or { Count: 0 })
        {
            if (cluster.DefaultCapacityProviderStrategy.Count > 0)
            {
                strategy = cluster.DefaultCapacityProviderStrategy;
            }
            else
            {
                launchType = "EC2";
            }
        }

        var provider = (strategy ?? []).OfType<JsonObject>().Select(i => Json.Str(i, "capacityProvider")).FirstOrDefault();
        var fargate = launchType == "FARGATE" || provider is "FARGATE" or "FARGATE_SPOT";
        if (fargate && td.NetworkMode != "awsvpc")
        {
            throw AwsErrorException.InvalidParameter("Task definition does not support launch_type FARGATE.");
        }

        var network = Json.Obj(request, "networkConfiguration");
        if (td.NetworkMode == "awsvpc")
        {
            NormalizeNetworkConfiguration(network ?? throw AwsErrorException.InvalidParameter("Network Configuration must be provided when networkMode 'awsvpc' is specified."));
        }
        else if (network is not null)
        {
            throw AwsErrorException.InvalidParameter("Network Configuration is not valid for the given networkMode of this task definition.");
        }

        var overrides = Json.Obj(request, "overrides");
        foreach (var containerOverride in (overrides?["containerOverrides"] as JsonArray ?? []).OfType<JsonObject>())
        {
            var name = Json.Str(containerOverride, "name");
            if (name is null || !td.Containers.Any(c => Json.Str(c, "name") == name))
            {
                throw AwsErrorException.InvalidParameter($"Override for container named {name} is not a container in the TaskDefinition.");
            }
        }

        var tags = ReadTags(request);
        if (Json.Str(request, "propagateTags") == "TASK_DEFINITION")
        {
            foreach (var tag in td.Tags.Items.Where(t => !tags.Items.Any(x => x.Key == t.Key)))
            {
                tags.Set(tag.Key, tag.Value);
            }
        }

        var constraints = Json.Arr(request, "placementConstraints");
        var placementStrategy = Json.Arr(request, "placementStrategy");
        ValidatePlacement(constraints, placementStrategy, td);
        var group = Json.Str(request, "group") ?? "family:" + td.Family;
        var onInstances = _scheduler.Placement.UsesInstances(cluster, launchType, provider);
        var managed = _scheduler.ManagedProvider(provider);
        if (onInstances && managed is null && !cluster.ContainerInstances.Any(i => i.Status == "ACTIVE"))
        {
            throw AwsErrorException.InvalidParameter("No Container Instances were found in your cluster.");
        }

        var tasks = new JsonArray();
        var failures = new JsonArray();
        var started = new List<SimTask>();
        for (var i = 0; i < count; i++)
        {
            if (_state.PlacementFailureReason is { } reason)
            {
                failures.Add(new JsonObject { ["arn"] = null, ["reason"] = reason });
                continue;
            }

            SimPlacement? placement = null;
            if (onInstances)
            {
                var groupTasks = cluster.ContainerInstances.SelectMany(ci => ci.Tasks).Where(t => t.Group == group).ToList();
                var (chosen, unplaced, _) = _scheduler.Placement.Place(cluster, td, overrides, group, constraints,
                    placementStrategy is { Count: > 0 } ? placementStrategy : Placement.RunTaskDefaultStrategy, groupTasks, _scheduler.OnlyOn(null, provider));
                if (chosen is null)
                {
                    // A managed provider's group grows for it (the simulator reports the failure; a retry then fits).
                    _scheduler.NoteShortfall(provider, td, 1);
                    // ECS reports, per container instance, why the task did not fit there.
                    foreach (var (arn, why) in unplaced.Where(u => !failures.OfType<JsonObject>().Any(f => Json.Str(f, "arn") == u.Arn)))
                    {
                        failures.Add(new JsonObject { ["arn"] = arn, ["reason"] = why });
                    }

                    continue;
                }

                placement = chosen;
            }

            var task = _scheduler.Launch(
                cluster,
                td,
                (JsonObject?)overrides?.DeepClone(),
                group,
                startedBy,
                launchType,
                provider,
                fargate ? "1.4.0" : null,
                tags.Copy(),
                Json.Bool(request, "enableExecuteCommand") ?? false,
                service: null,
                deployment: null,
                placement: placement);
            started.Add(task);
            tasks.Add(RenderTask(task, tags: true));
        }

        if (clientToken is not null)
        {
            _state.RunTaskTokens[clientToken] = (request.ToJsonString(), started);
        }

        return new JsonObject { ["tasks"] = tasks, ["failures"] = failures };
    }

    private SimTask? FindTask(SimCluster cluster, string reference)
    {
        if (reference.StartsWith("arn:", StringComparison.Ordinal))
        {
            return _state.Tasks.TryGetValue(reference, out var byArn) && byArn.Cluster == cluster ? byArn : null;
        }

        return _state.Tasks.GetValueOrDefault(_state.Prefix("ecs") + $"task/{cluster.Name}/{reference}");
    }

    private JsonObject DescribeTasks(JsonObject request)
    {
        var cluster = ResolveCluster(Json.Str(request, "cluster"));
        var references = Json.Strings(request, "tasks");
        if (references.Count == 0)
        {
            throw AwsErrorException.InvalidParameter("Tasks cannot be empty.");
        }

        if (references.Count > 100)
        {
            throw AwsErrorException.InvalidParameter("tasks can have at most 100 items.");
        }

        var tags = Includes(request).Contains("TAGS");
        var tasks = new JsonArray();
        var failures = new JsonArray();
        foreach (var reference in references)
        {
            var task = FindTask(cluster, reference);
            if (task is null)
            {
                var arn = reference.StartsWith("arn:", StringComparison.Ordinal) ? reference : _state.Prefix("ecs") + $"task/{cluster.Name}/{reference}";
                failures.Add(new JsonObject { ["arn"] = arn, ["reason"] = "MISSING" });
            }
            else
            {
                tasks.Add(RenderTask(task, tags));
            }
        }

        return new JsonObject { ["tasks"] = tasks, ["failures"] = failures };
    }

    private JsonObject ListTasks(JsonObject request)
    {
        var cluster = ResolveCluster(Json.Str(request, "cluster"));
        var family = Json.Str(request, "family");
        var startedBy = Json.Str(request, "startedBy");
        var serviceName = Json.Str(request, "serviceName");
        var launchType = Json.Str(request, "launchType");
        var containerInstance = Json.Str(request, "containerInstance") is { } instanceReference
            ? FindContainerInstance(cluster, instanceReference) ?? throw AwsErrorException.InvalidParameter("The referenced container instance was not found.")
            : null;
        var desiredStatus = Json.Str(request, "desiredStatus") ?? "RUNNING";
        if (desiredStatus is not ("RUNNING" or "PENDING" or "STOPPED"))
        {
            throw AwsErrorException.InvalidParameter("desiredStatus must be one of [RUNNING, PENDING, STOPPED].");
        }

        string? serviceKey = null;
        SimService? owner = null;
        if (serviceName is not null)
        {
            var service = FindService(cluster, serviceName);
            if (service is null || service.Status == "INACTIVE")
            {
                throw AwsErrorException.ServiceNotFound();
            }

            serviceKey = SimulatorState.ServiceKey(cluster.Name, service.Name);
            owner = service;
        }

        var size = PageSize(request, 100, 100);
        var scope = $"ListTasks:{cluster.Name}:{family}:{startedBy}:{serviceName}:{launchType}:{desiredStatus}:{containerInstance?.Id}";
        var offset = Json.ReadToken(Json.Str(request, "nextToken"), scope);
        // A service's tasks that should run are all live, and its live-task index is in launch order like the scan.
        IEnumerable<SimTask> candidates = owner is not null && desiredStatus == "RUNNING" ? owner.LiveTasks : _state.Tasks.Values;
        var arns = candidates
            .Where(t => t.Cluster == cluster && t.DesiredStatus == desiredStatus)
            .Where(t => family is null || t.TaskDefinition.Family == family)
            .Where(t => startedBy is null || t.StartedBy == startedBy)
            .Where(t => serviceKey is null || t.ServiceName == serviceKey)
            .Where(t => launchType is null || t.LaunchType == launchType)
            .Where(t => containerInstance is null || t.Placement?.Instance == containerInstance)
            .Select(t => t.Arn)
            .ToList();
        var response = new JsonObject();
        response["taskArns"] = Json.StringArray(Json.Page(arns, offset, size, scope, response, "nextToken"));
        return response;
    }

    private JsonObject StopTask(JsonObject request)
    {
        var cluster = ResolveCluster(Json.Str(request, "cluster"));
        var reference = Json.RequiredStr(request, "task");
        var task = FindTask(cluster, reference) ?? throw AwsErrorException.InvalidParameter("The referenced task was not found.");
        var reason = Json.Str(request, "reason");
        if (reason is { Length: > 255 })
        {
            throw AwsErrorException.InvalidParameter("reason can be at most 255 characters.");
        }

        _scheduler.RequestStop(task, "UserInitiated", reason ?? "Task stopped by user");
        return new JsonObject { ["task"] = RenderTask(task, tags: false) };
    }

    private JsonObject RenderTask(SimTask task, bool tags)
    {
        var td = task.TaskDefinition;
        var result = new JsonObject
        {
            ["attachments"] = new JsonArray(),
            ["attributes"] = new JsonArray(),
            ["availabilityZone"] = _state.Options.Region + "a",
            ["clusterArn"] = task.Cluster.Arn,
            ["connectivity"] = "CONNECTED",
            ["connectivityAt"] = Json.Epoch(task.CreatedAt),
            ["containers"] = new JsonArray([.. task.Containers.Select(c => (JsonNode?)RenderContainer(task, c))]),
            ["createdAt"] = Json.Epoch(task.CreatedAt),
            ["desiredStatus"] = task.DesiredStatus,
            ["enableExecuteCommand"] = task.EnableExecuteCommand,
            ["group"] = task.Group,
            ["healthStatus"] = "UNKNOWN",
            ["lastStatus"] = task.LastStatus,
            ["overrides"] = task.Overrides?.DeepClone() ?? new JsonObject { ["containerOverrides"] = new JsonArray(), ["inferenceAcceleratorOverrides"] = new JsonArray() },
            ["taskArn"] = task.Arn,
            ["taskDefinitionArn"] = td.Arn,
            ["version"] = task.Version,
        };
        if (task.CapacityProviderName is not null)
        {
            result["capacityProviderName"] = task.CapacityProviderName;
        }

        if (task.Placement is { Instance: var instance })
        {
            result["containerInstanceArn"] = instance.Arn;
            result["availabilityZone"] = instance.Attribute("ecs.availability-zone") ?? _state.Options.Region + "a";
        }

        if (task.LaunchType is not null)
        {
            result["launchType"] = task.LaunchType;
        }

        if (task.PlatformVersion is not null)
        {
            result["platformVersion"] = task.PlatformVersion;
            result["platformFamily"] = "Linux";
        }

        var cpu = Json.Str(task.Overrides ?? [], "cpu") ?? Json.Str(td.Body, "cpu");
        var memory = Json.Str(task.Overrides ?? [], "memory") ?? Json.Str(td.Body, "memory");
        if (cpu is not null)
        {
            result["cpu"] = cpu;
        }

        if (memory is not null)
        {
            result["memory"] = memory;
        }

        if (task.StartedBy is not null)
        {
            result["startedBy"] = task.StartedBy;
        }

        void Time(string member, DateTimeOffset? at)
        {
            if (at is { } value)
            {
                result[member] = Json.Epoch(value);
            }
        }

        Time("pullStartedAt", task.PullStartedAt);
        Time("pullStoppedAt", task.PullStoppedAt);
        Time("startedAt", task.StartedAt);
        Time("stoppingAt", task.StoppingAt);
        Time("stoppedAt", task.StoppedAt);
        Time("executionStoppedAt", task.ExecutionStoppedAt);
        if (task.StopCode is not null)
        {
            result["stopCode"] = task.StopCode;
        }

        if (task.StoppedReason is not null)
        {
            result["stoppedReason"] = task.StoppedReason;
        }

        if (tags)
        {
            result["tags"] = RenderTags(task.Tags);
        }

        return result;
    }

    private JsonObject RenderContainer(SimTask task, SimContainer container)
    {
        var result = new JsonObject
        {
            ["containerArn"] = container.Arn,
            ["taskArn"] = task.Arn,
            ["name"] = container.Name,
            ["image"] = container.Image,
            ["lastStatus"] = container.LastStatus,
            ["networkBindings"] = new JsonArray([.. (task.Placement?.Bindings ?? []).Where(b => b.ContainerName == container.Name)
                .Select(b => (JsonNode?)new JsonObject { ["bindIP"] = "0.0.0.0", ["containerPort"] = b.ContainerPort, ["hostPort"] = b.HostPort, ["protocol"] = b.Protocol })]),
            ["networkInterfaces"] = new JsonArray(),
            ["healthStatus"] = "UNKNOWN",
        };
        if (container.ExitCode is { } exitCode)
        {
            result["exitCode"] = exitCode;
        }

        if (container.Reason is not null)
        {
            result["reason"] = container.Reason;
        }

        if (container.LastStatus is "RUNNING" or "STOPPED" && task.EverRunning)
        {
            result["runtimeId"] = $"{task.Id}-{_state.Options.Seed}{container.Name.Length}";
            result["imageDigest"] = "sha256:" + new string('0', 64);
        }

        return result;
    }
}
