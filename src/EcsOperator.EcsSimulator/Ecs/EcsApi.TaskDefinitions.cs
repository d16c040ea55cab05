using System.Text.Json.Nodes;
using EcsOperator.Simulator.Model;
using EcsOperator.Simulator.Protocol;

namespace EcsOperator.Simulator.Ecs;

/// <summary>Task definition operations.</summary>
internal sealed partial class EcsApi
{
    private static readonly string[] EchoedTaskDefinitionMembers =
    [
        "taskRoleArn", "executionRoleArn", "networkMode", "volumes", "placementConstraints", "requiresCompatibilities",
        "cpu", "memory", "pidMode", "ipcMode", "proxyConfiguration", "inferenceAccelerators", "ephemeralStorage",
        "runtimePlatform", "enableFaultInjection",
    ];

    private JsonObject RegisterTaskDefinition(JsonObject request)
    {
        var family = Json.RequiredStr(request, "family", AwsErrorException.Client);
        if (!ResourceName().IsMatch(family))
        {
            throw AwsErrorException.Client("Family contains invalid characters. Up to 255 letters (uppercase and lowercase), numbers, hyphens, and underscores are allowed.");
        }

        var containers = Json.Arr(request, "containerDefinitions");
        if (containers is null || containers.Count == 0)
        {
            throw AwsErrorException.Client("Container list cannot be empty.");
        }

        if (containers.Count > 10)
        {
            throw AwsErrorException.Client("Too many containers: a task definition can have at most 10 container definitions.");
        }

        var networkMode = Json.Str(request, "networkMode");
        if (networkMode is not (null or "bridge" or "host" or "awsvpc" or "none"))
        {
            throw AwsErrorException.Client($"Invalid networkMode '{networkMode}'.");
        }

        var fargate = Json.Strings(request, "requiresCompatibilities").Contains("FARGATE");
        if (fargate)
        {
            if (networkMode != "awsvpc")
            {
                throw AwsErrorException.Client("Fargate only supports network mode \u2018awsvpc\u2019.");
            }

            if (Json.Str(request, "cpu") is null)
            {
                throw AwsErrorException.Client("Fargate requires that 'cpu' be defined at the task level.");
            }

            if (Json.Str(request, "memory") is null)
            {
                throw AwsErrorException.Client("Fargate requires that 'memory' be defined at the task level.");
            }
        }

        var body = new JsonObject();
        var normalized = new JsonArray();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var node in containers)
        {
            if (node is not JsonObject container)
            {
                throw AwsErrorException.Client("Container definitions must be objects.");
            }

            var name = Json.Str(container, "name");
            if (string.IsNullOrEmpty(name))
            {
                throw AwsErrorException.Client("Container.name should not be null or empty.");
            }

            if (string.IsNullOrEmpty(Json.Str(container, "image")))
            {
                throw AwsErrorException.Client("Container.image should not be null or empty.");
            }

            if (!names.Add(name))
            {
                throw AwsErrorException.Client($"Duplicate container name '{name}'.");
            }

            if (Json.Str(request, "memory") is null && Json.Int(container, "memory") is null && Json.Int(container, "memoryReservation") is null)
            {
                throw AwsErrorException.Client($"Invalid setting for container '{name}'. At least one of 'memory' or 'memoryReservation' must be specified.");
            }

            normalized.Add(NormalizeContainer(container, networkMode));
        }

        body["containerDefinitions"] = normalized;
        body["family"] = family;
        foreach (var member in EchoedTaskDefinitionMembers)
        {
            if (request[member] is { } value)
            {
                body[member] = value.DeepClone();
            }
        }

        body["volumes"] ??= new JsonArray();
        body["placementConstraints"] ??= new JsonArray();
        var compatibilities = new JsonArray { "EC2" };
        if (networkMode == "awsvpc")
        {
            compatibilities.Add("FARGATE");
        }

        body["compatibilities"] = compatibilities;

        if (!_state.TaskDefinitions.TryGetValue(family, out var revisions))
        {
            revisions = [];
            _state.TaskDefinitions[family] = revisions;
        }

        var revision = revisions.Count + 1;
        var taskDefinition = new SimTaskDefinition
        {
            Family = family,
            Revision = revision,
            Arn = _state.TaskDefinitionArn(family, revision),
            Body = body,
            RegisteredAt = Now,
            Tags = ReadTags(request),
        };
        revisions.Add(taskDefinition);
        return new JsonObject
        {
            ["taskDefinition"] = RenderTaskDefinition(taskDefinition),
            ["tags"] = RenderTags(taskDefinition.Tags),
        };
    }

    /// <summary>ECS fills in these container defaults, and echoes them on every describe.</summary>
    private static JsonObject NormalizeContainer(JsonObject container, string? networkMode)
    {
        var result = (JsonObject)container.DeepClone();
        result["cpu"] ??= 0;
        result["essential"] ??= true;
        result["environment"] ??= new JsonArray();
        result["mountPoints"] ??= new JsonArray();
        result["volumesFrom"] ??= new JsonArray();
        result["systemControls"] ??= new JsonArray();
        var ports = result["portMappings"] as JsonArray ?? [];
        foreach (var mapping in ports.OfType<JsonObject>())
        {
            mapping["protocol"] ??= "tcp";
            if (mapping["hostPort"] is null && mapping["containerPort"] is { } port && networkMode is "awsvpc" or "host")
            {
                mapping["hostPort"] = port.DeepClone();
            }
        }

        result["portMappings"] = ports;
        return result;
    }

    private JsonObject RenderTaskDefinition(SimTaskDefinition td)
    {
        var result = new JsonObject { ["taskDefinitionArn"] = td.Arn };
        foreach (var (key, value) in td.Body)
        {
            result[key] = value?.DeepClone();
        }

        result["revision"] = td.Revision;
        result["status"] = td.Status;
        result["registeredAt"] = Json.Epoch(td.RegisteredAt);
        result["registeredBy"] = _state.RoleRootArn;
        if (td.DeregisteredAt is { } deregistered)
        {
            result["deregisteredAt"] = Json.Epoch(deregistered);
        }

        if (td.DeleteRequestedAt is { } deleteRequested)
        {
            result["deleteRequestedAt"] = Json.Epoch(deleteRequested);
        }

        return result;
    }

    private JsonObject DescribeTaskDefinition(JsonObject request)
    {
        var reference = Json.RequiredStr(request, "taskDefinition", AwsErrorException.Client);
        var td = FindTaskDefinition(reference) ?? throw AwsErrorException.Client("Unable to describe task definition.");
        var response = new JsonObject { ["taskDefinition"] = RenderTaskDefinition(td) };
        if (Includes(request).Contains("TAGS"))
        {
            response["tags"] = RenderTags(td.Tags);
        }

        return response;
    }

    private JsonObject ListTaskDefinitions(JsonObject request)
    {
        var family = Json.Str(request, "familyPrefix");
        var status = Json.Str(request, "status") ?? "ACTIVE";
        if (status is not ("ACTIVE" or "INACTIVE" or "DELETE_IN_PROGRESS"))
        {
            throw AwsErrorException.InvalidParameter("status must be one of [ACTIVE, INACTIVE, DELETE_IN_PROGRESS].");
        }

        var sort = Json.Str(request, "sort") ?? "ASC";
        if (sort is not ("ASC" or "DESC"))
        {
            throw AwsErrorException.InvalidParameter("sort must be one of [ASC, DESC].");
        }

        var size = PageSize(request, 100, 100);
        var scope = $"ListTaskDefinitions:{family}:{status}:{sort}";
        var offset = Json.ReadToken(Json.Str(request, "nextToken"), scope);

        // ECS's familyPrefix on this operation is the full family name, not a prefix.
        IEnumerable<List<SimTaskDefinition?>> families = family is null ? _state.TaskDefinitions.Values
            : _state.TaskDefinitions.TryGetValue(family, out var revisions) ? [revisions] : [];
        var matching = families
            .SelectMany(revisions => revisions)
            .OfType<SimTaskDefinition>()
            .Where(td => td.Status == status);
        var ordered = sort == "ASC"
            ? matching.OrderBy(td => td.Family, StringComparer.Ordinal).ThenBy(td => td.Revision)
            : matching.OrderByDescending(td => td.Family, StringComparer.Ordinal).ThenByDescending(td => td.Revision);
        var arns = ordered.Select(td => td.Arn).ToList();
        var response = new JsonObject();
        response["taskDefinitionArns"] = Json.StringArray(Json.Page(arns, offset, size, scope, response, "nextToken"));
        return response;
    }

    private JsonObject ListTaskDefinitionFamilies(JsonObject request)
    {
        var prefix = Json.Str(request, "familyPrefix") ?? "";
        // As ECS: without a status, families with and without an ACTIVE revision are both listed.
        var status = Json.Str(request, "status") ?? "ALL";
        if (status is not ("ALL" or "ACTIVE" or "INACTIVE"))
        {
            throw AwsErrorException.InvalidParameter($"status must be one of ACTIVE, INACTIVE, ALL; got {status}.");
        }

        var size = PageSize(request, 100, 100);
        var scope = $"ListTaskDefinitionFamilies:{prefix}:{status}";
        var offset = Json.ReadToken(Json.Str(request, "nextToken"), scope);
        var families = _state.TaskDefinitions
            .Where(kv => kv.Key.StartsWith(prefix, StringComparison.Ordinal))
            .Where(kv => status switch
            {
                "ALL" => true,
                "ACTIVE" => kv.Value.Any(td => td is { Status: "ACTIVE" }),
                _ => !kv.Value.Any(td => td is { Status: "ACTIVE" }),
            })
            .Select(kv => kv.Key)
            .Order(StringComparer.Ordinal)
            .ToList();
        var response = new JsonObject();
        response["families"] = Json.StringArray(Json.Page(families, offset, size, scope, response, "nextToken"));
        return response;
    }

    private JsonObject DeregisterTaskDefinition(JsonObject request)
    {
        var reference = Json.RequiredStr(request, "taskDefinition", AwsErrorException.Client);
        var text = reference.Contains(":task-definition/", StringComparison.Ordinal) ? reference[(reference.IndexOf(":task-definition/", StringComparison.Ordinal) + 17)..] : reference;
        if (!text.Contains(':', StringComparison.Ordinal))
        {
            throw AwsErrorException.Client("Revision is missing.");
        }

        var td = FindTaskDefinition(reference) ?? throw AwsErrorException.Client("The specified task definition does not exist.");
        if (td.Status == "ACTIVE")
        {
            td.Status = "INACTIVE";
            td.DeregisteredAt = Now;
        }

        return new JsonObject { ["taskDefinition"] = RenderTaskDefinition(td) };
    }

    private JsonObject DeleteTaskDefinitions(JsonObject request)
    {
        var references = Json.Strings(request, "taskDefinitions");
        if (references.Count == 0)
        {
            throw AwsErrorException.InvalidParameter("taskDefinitions can not be null or empty.");
        }

        if (references.Count > 10)
        {
            throw AwsErrorException.InvalidParameter("taskDefinitions can have at most 10 items.");
        }

        var deleted = new JsonArray();
        var failures = new JsonArray();
        foreach (var reference in references)
        {
            var td = reference.Contains(':', StringComparison.Ordinal) ? FindTaskDefinition(reference) : null;
            if (td is null)
            {
                failures.Add(new JsonObject { ["arn"] = reference, ["reason"] = "The specified task definition does not exist." });
                continue;
            }

            if (td.Status == "ACTIVE")
            {
                failures.Add(new JsonObject
                {
                    ["arn"] = td.Arn,
                    ["reason"] = "The specified task definition is still in ACTIVE status. Please deregister the target and try again.",
                });
                continue;
            }

            if (td.Status == "INACTIVE")
            {
                td.Status = "DELETE_IN_PROGRESS";
                td.DeleteRequestedAt = Now;
            }

            deleted.Add(RenderTaskDefinition(td));
        }

        return new JsonObject { ["taskDefinitions"] = deleted, ["failures"] = failures };
    }
}
