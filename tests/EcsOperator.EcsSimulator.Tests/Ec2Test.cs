using System.Text.Json.Nodes;

namespace EcsOperator.Simulator.Tests;

/// <summary>Helpers for tests of EC2 capacity: task definitions with CPU, memory and port mappings, and where tasks landed.</summary>
public abstract class Ec2Test : SimTest
{
    protected async Task<string> RegisterEc2Async(string family, int cpu, int memory, string networkMode = "bridge", int? containerPort = null, int? hostPort = null, JsonArray? placementConstraints = null)
    {
        var container = new JsonObject { ["name"] = "app", ["image"] = family + ":1", ["cpu"] = cpu, ["memory"] = memory };
        if (containerPort is { } port)
        {
            var mapping = new JsonObject { ["containerPort"] = port, ["protocol"] = "tcp" };
            if (hostPort is { } host)
            {
                mapping["hostPort"] = host;
            }

            container["portMappings"] = new JsonArray { mapping };
        }

        var request = new JsonObject { ["family"] = family, ["networkMode"] = networkMode, ["containerDefinitions"] = new JsonArray { container } };
        if (placementConstraints is not null)
        {
            request["placementConstraints"] = placementConstraints;
        }

        var response = await Client.EcsAsync("RegisterTaskDefinition", request);
        return Str(response["taskDefinition"], "taskDefinitionArn");
    }

    protected async Task<JsonObject> RunTaskAsync(string taskDefinition, int count = 1, JsonArray? strategy = null, JsonArray? constraints = null, string cluster = "default")
    {
        var request = new JsonObject { ["cluster"] = cluster, ["taskDefinition"] = taskDefinition, ["count"] = count, ["launchType"] = "EC2" };
        if (strategy is not null)
        {
            request["placementStrategy"] = strategy;
        }

        if (constraints is not null)
        {
            request["placementConstraints"] = constraints;
        }

        return await Client.EcsAsync("RunTask", request);
    }

    protected static List<string> InstancesOf(JsonObject runTaskResponse) =>
        [.. runTaskResponse["tasks"]!.AsArray().Select(t => Str(t, "containerInstanceArn"))];

    protected async Task<JsonObject> DescribeInstanceAsync(string arn, string cluster = "default")
    {
        var response = await Client.EcsAsync("DescribeContainerInstances", new JsonObject { ["cluster"] = cluster, ["containerInstances"] = new JsonArray { arn } });
        return response["containerInstances"]!.AsArray().Single()!.AsObject();
    }

    protected static JsonNode Resource(JsonObject instance, string list, string name) =>
        instance[list]!.AsArray().Single(r => Str(r, "name") == name)!;

    /// <summary>The live (desired RUNNING) tasks of a service, described.</summary>
    protected async Task<List<JsonObject>> ServiceTasksAsync(string service, string cluster = "default")
    {
        var arns = await ListTaskArnsAsync(new JsonObject { ["cluster"] = cluster, ["serviceName"] = service });
        return arns.Count == 0 ? [] : await DescribeTasksAsync(cluster, arns);
    }

    protected static JsonArray Strategy(params (string Type, string? Field)[] steps) =>
        new([.. steps.Select(s => (JsonNode?)(s.Field is null ? new JsonObject { ["type"] = s.Type } : new JsonObject { ["type"] = s.Type, ["field"] = s.Field }))]);

    protected static JsonArray MemberOf(string expression) =>
        [new JsonObject { ["type"] = "memberOf", ["expression"] = expression }];

    protected async Task<JsonObject> CreateEc2ServiceAsync(string name, string taskDefinition, int desired, JsonArray? strategy = null, JsonArray? constraints = null, string scheduling = "REPLICA", JsonObject? deploymentConfiguration = null)
    {
        var request = new JsonObject
        {
            ["serviceName"] = name,
            ["taskDefinition"] = taskDefinition,
            ["launchType"] = "EC2",
            ["schedulingStrategy"] = scheduling,
        };
        if (scheduling == "REPLICA")
        {
            request["desiredCount"] = desired;
        }

        if (strategy is not null)
        {
            request["placementStrategy"] = strategy;
        }

        if (constraints is not null)
        {
            request["placementConstraints"] = constraints;
        }

        if (deploymentConfiguration is not null)
        {
            request["deploymentConfiguration"] = deploymentConfiguration;
        }

        return (await Client.EcsAsync("CreateService", request))["service"]!.AsObject();
    }
}
