using System.Text.Json.Nodes;

namespace EcsOperator.Chaos.Tests;

/// <summary>One request the operator sent to AWS, as the proxy saw it, with the simulator's answer when it was forwarded.</summary>
/// <param name="At">When the request arrived.</param>
/// <param name="Operation">e.g. CreateService.</param>
/// <param name="Request">The request body.</param>
/// <param name="Response">The simulator's answer (null when a fault answered instead).</param>
/// <param name="Succeeded">True when the simulator did the work (HTTP 200), even if the operator never got the answer.</param>
public sealed record AwsCall(DateTimeOffset At, string Operation, JsonObject Request, JsonObject? Response, bool Succeeded)
{
    private static readonly HashSet<string> Reads = new(StringComparer.Ordinal)
    {
        "DescribeServices", "DescribeTaskDefinition", "DescribeTasks", "DescribeClusters", "ListServices", "ListTasks",
        "ListTaskDefinitions", "ListTaskDefinitionFamilies", "ListTagsForResource", "DescribeScalableTargets",
        "DescribeScalingPolicies", "DescribeScheduledActions", "ListServiceDeployments", "DescribeServiceDeployments",
        "DescribeServiceRevisions", "ListClusters", "DescribeContainerInstances", "DescribeCapacityProviders",
    };

    public bool IsMutation => !Reads.Contains(Operation);

    /// <summary>The names or ARNs of the resources a mutation acts on.</summary>
    public IEnumerable<string> Targets()
    {
        foreach (var key in new[] { "service", "serviceName", "cluster", "clusterName", "resourceArn", "ResourceARN", "ResourceId", "taskDefinition", "task", "family", "PolicyName" })
        {
            if (Request[key] is JsonValue v && v.TryGetValue<string>(out var s))
                yield return s;
        }

        if (Request["taskDefinitions"] is JsonArray arns)
        {
            foreach (var arn in arns)
                yield return (string)arn!;
        }
    }

    /// <summary>The value of a tag in the request (ECS's key/value list or Application Auto Scaling's map).</summary>
    public string? RequestTag(string key)
    {
        if (Request["tags"] is JsonArray list)
            return list.OfType<JsonObject>().Where(t => (string?)t["key"] == key).Select(t => (string?)t["value"]).FirstOrDefault();
        return Request["Tags"] is JsonObject map ? (string?)map[key] : null;
    }
}
