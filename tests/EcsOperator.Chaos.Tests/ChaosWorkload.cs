using System.Text.Json.Nodes;
using EcsOperator.Api;

namespace EcsOperator.Chaos.Tests;

/// <summary>The objects users create in a run, as JSON (the way kubectl sends them), and the names they live under.</summary>
public static class ChaosWorkload
{
    public const string Namespace = "chaos";
    public const string ClusterId = "chaos";
    public const string EcsCluster = "default";
    public const string LeaseNamespace = "ecs-operator";
    public const string LeaseName = "ecs-operator-leader";
    public const string User = "chaos-user";

    /// <summary>Task definitions td-0..td-2 are referenced by svc-0..svc-2 and never deleted; td-solo is referenced by nothing.</summary>
    public static readonly string[] ReferencedTaskDefinitions = ["td-0", "td-1", "td-2"];
    public const string SoloTaskDefinition = "td-solo";
    public static readonly string[] Services = ["svc-0", "svc-1", "svc-2"];

    /// <summary>svc-1 is scaled by Application Auto Scaling; the others by desiredCount.</summary>
    public const string AutoScaledService = "svc-1";
    public const string Cluster = "c-0";
    public const string ClusterName = "chaos-c0";

    public static string Owner(string name) => $"{ClusterId}/{Namespace}/{name}";

    public static string Family(string name) => $"{Namespace}_td_{name}"; // TaskDefinitionFamilies.ForTaskDefinition

    private static JsonObject Meta(string name) => new() { ["name"] = name, ["namespace"] = Namespace };

    private static JsonObject Network() => new()
    {
        ["awsvpcConfiguration"] = new JsonObject
        {
            ["subnets"] = new JsonArray("subnet-0a1b2c3d"),
            ["securityGroups"] = new JsonArray("sg-0a1b2c3d"),
        },
    };

    public static JsonObject TaskDefinition(string name, int imageVersion, string deletionPolicy) => new()
    {
        ["apiVersion"] = ApiGroup.ApiVersion,
        ["kind"] = "EcsTaskDefinition",
        ["metadata"] = Meta(name),
        ["spec"] = new JsonObject
        {
            ["requiresCompatibilities"] = new JsonArray("FARGATE"),
            ["networkMode"] = "awsvpc",
            ["cpu"] = "256",
            ["memory"] = "512",
            ["revisionHistoryLimit"] = 2,
            ["deletionPolicy"] = deletionPolicy,
            ["containerDefinitions"] = new JsonArray(new JsonObject
            {
                ["name"] = "web",
                ["image"] = $"registry.example/{name}:v{imageVersion}",
                ["portMappings"] = new JsonArray(new JsonObject { ["containerPort"] = 80 }),
            }),
        },
    };

    public static JsonObject Service(string name, string taskDefinition, int desiredCount, string deletionPolicy)
    {
        var spec = new JsonObject
        {
            ["taskDefinitionRef"] = new JsonObject { ["name"] = taskDefinition },
            ["cluster"] = EcsCluster,
            ["launchType"] = "FARGATE",
            ["networkConfiguration"] = Network(),
            ["deletionPolicy"] = deletionPolicy,
        };
        if (name == AutoScaledService)
        {
            spec["autoScaling"] = new JsonObject
            {
                ["minCapacity"] = 1,
                ["maxCapacity"] = Math.Max(2, desiredCount + 1),
                ["targetTracking"] = new JsonArray(new JsonObject
                {
                    ["name"] = "cpu",
                    ["predefinedMetric"] = "ECSServiceAverageCPUUtilization",
                    ["targetValue"] = 50.0,
                }),
            };
        }
        else
        {
            spec["desiredCount"] = desiredCount;
        }

        return new JsonObject { ["apiVersion"] = ApiGroup.ApiVersion, ["kind"] = "EcsService", ["metadata"] = Meta(name), ["spec"] = spec };
    }

    public static JsonObject ClusterObject(string deletionPolicy) => new()
    {
        ["apiVersion"] = ApiGroup.ApiVersion,
        ["kind"] = "EcsCluster",
        ["metadata"] = Meta(Cluster),
        ["spec"] = new JsonObject { ["clusterName"] = ClusterName, ["deletionPolicy"] = deletionPolicy },
    };

    public static JsonObject Task(string name, string taskDefinition) => new()
    {
        ["apiVersion"] = ApiGroup.ApiVersion,
        ["kind"] = "EcsTask",
        ["metadata"] = Meta(name),
        ["spec"] = new JsonObject
        {
            ["cluster"] = EcsCluster,
            ["taskDefinitionRef"] = new JsonObject { ["name"] = taskDefinition },
            ["launchType"] = "FARGATE",
            ["networkConfiguration"] = Network(),
            ["count"] = 1,
        },
    };
}
