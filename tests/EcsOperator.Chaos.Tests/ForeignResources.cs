using System.Text.Json.Nodes;
using EcsOperator.Api;
using EcsOperator.Simulator;

namespace EcsOperator.Chaos.Tests;

/// <summary>
/// AWS resources owned by someone else (another operator's owner tag), next to ours in the same account and cluster:
/// the operator must never change them.
/// </summary>
public sealed record ForeignResources(string TaskDefinitionArn)
{
    public const string Prefix = "foreign-";
    public const string Service = "foreign-web";
    public const string Family = "foreign-app";
    public const string Cluster = "foreign-cluster";
    public const string Owner = "other-cluster/other/foreign-web";

    private static JsonArray Tags() => new(new JsonObject { ["key"] = ApiGroup.OwnerTagKey, ["value"] = Owner });

    public static ForeignResources Create(EcsSimulator sim)
    {
        sim.Invoke("CreateCluster", new JsonObject { ["clusterName"] = ChaosWorkload.EcsCluster });
        sim.Invoke("CreateCluster", new JsonObject { ["clusterName"] = Cluster, ["tags"] = Tags() });
        var td = sim.Invoke("RegisterTaskDefinition", new JsonObject
        {
            ["family"] = Family,
            ["requiresCompatibilities"] = new JsonArray("FARGATE"),
            ["networkMode"] = "awsvpc",
            ["cpu"] = "256",
            ["memory"] = "512",
            ["containerDefinitions"] = new JsonArray(new JsonObject { ["name"] = "web", ["image"] = "registry.example/foreign:1" }),
            ["tags"] = Tags(),
        });
        var arn = (string)td["taskDefinition"]!["taskDefinitionArn"]!;
        sim.Invoke("CreateService", new JsonObject
        {
            ["cluster"] = ChaosWorkload.EcsCluster,
            ["serviceName"] = Service,
            ["taskDefinition"] = arn,
            ["desiredCount"] = 1,
            ["launchType"] = "FARGATE",
            ["networkConfiguration"] = new JsonObject
            {
                ["awsvpcConfiguration"] = new JsonObject { ["subnets"] = new JsonArray("subnet-0a1b2c3d") },
            },
            ["tags"] = Tags(),
        });
        return new ForeignResources(arn);
    }

    /// <summary>What differs from how they were created.</summary>
    public IEnumerable<string> Changes(EcsSimulator sim)
    {
        var service = Invariants.DescribeService(sim, Service);
        if ((string?)service?["status"] != "ACTIVE" || service?["desiredCount"]?.GetValue<int>() != 1 || (string?)service?["taskDefinition"] != TaskDefinitionArn
            || !HasOwner(service?["tags"]))
            yield return $"foreign service {Service} changed: {service?.ToJsonString()}";
        var td = sim.Invoke("DescribeTaskDefinition", new JsonObject { ["taskDefinition"] = TaskDefinitionArn, ["include"] = new JsonArray("TAGS") });
        if ((string?)td["taskDefinition"]?["status"] != "ACTIVE" || !HasOwner(td["tags"]))
            yield return $"foreign revision {TaskDefinitionArn} changed: {td.ToJsonString()}";
        var cluster = sim.Invoke("DescribeClusters", new JsonObject { ["clusters"] = new JsonArray(Cluster), ["include"] = new JsonArray("TAGS") })["clusters"] is JsonArray { Count: > 0 } clusters ? clusters[0] : null;
        if ((string?)cluster?["status"] != "ACTIVE" || !HasOwner(cluster?["tags"]))
            yield return $"foreign cluster {Cluster} changed: {cluster?.ToJsonString()}";
    }

    private static bool HasOwner(JsonNode? tags) =>
        tags is JsonArray list && list.Count == 1 && (string?)list[0]!["key"] == ApiGroup.OwnerTagKey && (string?)list[0]!["value"] == Owner;
}
