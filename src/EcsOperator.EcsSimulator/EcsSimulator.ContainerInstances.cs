using System.Text.Json.Nodes;

namespace EcsOperator.Simulator;

/// <summary>Controls for EC2 capacity: instances join and leave a cluster as an Auto Scaling group would make them.</summary>
public sealed partial class EcsSimulator
{
    /// <summary>
    /// An EC2 instance joins <paramref name="cluster"/> (as its ECS agent's RegisterContainerInstance would do) with
    /// <paramref name="cpu"/> CPU units, <paramref name="memory"/> MiB, the agent's reserved ports, and the
    /// <c>ecs.availability-zone</c> / <c>ecs.instance-type</c> attributes plus any extra ones. Returns its ARN.
    /// </summary>
    public string AddContainerInstance(
        string cluster = "default",
        int cpu = 2048,
        int memory = 3904,
        string? availabilityZone = null,
        string instanceType = "t3.medium",
        IReadOnlyDictionary<string, string?>? attributes = null)
    {
        var request = new JsonObject
        {
            ["cluster"] = cluster,
            ["totalResources"] = new JsonArray
            {
                new JsonObject { ["name"] = "CPU", ["type"] = "INTEGER", ["integerValue"] = cpu },
                new JsonObject { ["name"] = "MEMORY", ["type"] = "INTEGER", ["integerValue"] = memory },
            },
            ["instanceIdentityDocument"] = new JsonObject
            {
                ["availabilityZone"] = availabilityZone ?? Options.Region + "a",
                ["instanceType"] = instanceType,
                ["region"] = Options.Region,
            }.ToJsonString(),
            ["attributes"] = new JsonArray([.. (attributes ?? new Dictionary<string, string?>()).Select(a => (JsonNode?)new JsonObject { ["name"] = a.Key, ["value"] = a.Value })]),
        };
        return Invoke("RegisterContainerInstance", request)["containerInstance"]!["containerInstanceArn"]!.GetValue<string>();
    }

    /// <summary>
    /// The instance is terminated: it is deregistered and its tasks stop (services place replacements elsewhere,
    /// daemons shrink to the remaining instances).
    /// </summary>
    public void RemoveContainerInstance(string containerInstanceArn)
    {
        ArgumentException.ThrowIfNullOrEmpty(containerInstanceArn);
        var cluster = containerInstanceArn.Split('/') is [_, var name, _] ? name : throw new ArgumentException("Not a container instance ARN.", nameof(containerInstanceArn));
        Invoke("DeregisterContainerInstance", new JsonObject { ["cluster"] = cluster, ["containerInstance"] = containerInstanceArn, ["force"] = true });
    }
}
