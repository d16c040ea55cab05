using System.Text.Json.Nodes;

namespace EcsOperator.Kubernetes.Tests.TestServer;

/// <summary>An events.k8s.io/v1 Event as the operator writes it (about EcsService <c>default/web</c>), for the Event view tests.</summary>
internal static class OperatorEvents
{
    public static JsonObject CreatedService(string note, string? regardingUid = null)
    {
        var regarding = new JsonObject { ["kind"] = "EcsService", ["namespace"] = "default", ["name"] = "web" };
        if (regardingUid is not null)
            regarding["uid"] = regardingUid;
        return new JsonObject
        {
            ["apiVersion"] = "events.k8s.io/v1",
            ["kind"] = "Event",
            ["metadata"] = new JsonObject { ["name"] = "web.1", ["namespace"] = "default" },
            ["eventTime"] = "2026-01-01T00:00:00.000000Z",
            ["reportingController"] = "ecs.operator.dev/operator",
            ["reportingInstance"] = "pod-1",
            ["action"] = "CreateService",
            ["reason"] = "Created",
            ["type"] = "Normal",
            ["note"] = note,
            ["regarding"] = regarding,
        };
    }
}
