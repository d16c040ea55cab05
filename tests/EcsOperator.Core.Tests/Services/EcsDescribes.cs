using System.Text.Json;
using System.Text.Json.Nodes;
using EcsOperator.Aws.Model.Ecs;

namespace EcsOperator.Core.Tests.Services;

/// <summary>
/// What DescribeServices reports after CreateService with a given request, as ECS writes it: ARNs instead of names,
/// the role as roleArn, defaults filled in, lists echoed in ECS's own order (here: reversed, to prove order does not
/// matter where ECS does not keep it).
/// </summary>
internal static class EcsDescribes
{
    public const string Account = "123456789012";
    public const string Region = "eu-west-1";

    public static Service ServiceCreatedBy(CreateServiceRequest request)
    {
        var node = JsonSerializer.SerializeToNode(request, EcsJsonContext.Default.CreateServiceRequest)!.AsObject();
        var cluster = request.Cluster ?? "default";
        node.Remove("cluster");
        node.Remove("clientToken");
        node["clusterArn"] = $"arn:aws:ecs:{Region}:{Account}:cluster/{cluster}";
        node["serviceArn"] = $"arn:aws:ecs:{Region}:{Account}:service/{cluster}/{request.ServiceName}";
        node["status"] = "ACTIVE";
        if (request.TaskDefinition is { } taskDefinition && !taskDefinition.StartsWith("arn:", StringComparison.Ordinal))
            node["taskDefinition"] = $"arn:aws:ecs:{Region}:{Account}:task-definition/{taskDefinition}";
        if (node["role"] is { } role)
        {
            node.Remove("role");
            node["roleArn"] = $"arn:aws:iam::{Account}:role/{role.GetValue<string>()}";
        }

        node["schedulingStrategy"] ??= "REPLICA";
        node["propagateTags"] ??= "NONE";
        node["enableECSManagedTags"] ??= false;
        node["enableExecuteCommand"] ??= false;
        node["deploymentController"] ??= new JsonObject { ["type"] = "ECS" };
        var deployment = node["deploymentConfiguration"] as JsonObject ?? [];
        deployment["maximumPercent"] ??= 200;
        deployment["minimumHealthyPercent"] ??= 100;
        deployment["deploymentCircuitBreaker"] ??= new JsonObject { ["enable"] = false, ["rollback"] = false };
        deployment["strategy"] ??= "ROLLING";
        node["deploymentConfiguration"] = deployment;
        if (node["networkConfiguration"]?["awsvpcConfiguration"] is JsonObject vpc)
        {
            vpc["assignPublicIp"] ??= "DISABLED";
            Reverse(vpc, "subnets");
            Reverse(vpc, "securityGroups");
        }

        node["loadBalancers"] ??= new JsonArray();
        node["serviceRegistries"] ??= new JsonArray();
        node["placementConstraints"] ??= new JsonArray();
        node["placementStrategy"] ??= new JsonArray();
        node["runningCount"] = 0;
        node["pendingCount"] = 0;
        return node.Deserialize(EcsJsonContext.Default.Service)!;
    }

    private static void Reverse(JsonObject parent, string name)
    {
        if (parent[name] is JsonArray list)
            parent[name] = new JsonArray(list.Reverse().Select(n => n?.DeepClone()).ToArray());
    }
}
