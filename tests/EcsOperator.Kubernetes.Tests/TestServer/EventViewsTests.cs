using System.Net;
using System.Text.Json.Nodes;
using Xunit;

namespace EcsOperator.Kubernetes.Tests.TestServer;

/// <summary>
/// core/v1 and events.k8s.io/v1 Events are one store, as in kube-apiserver: the operator writes events.k8s.io/v1 and
/// <c>kubectl describe</c> reads core/v1 with an involvedObject field selector.
/// </summary>
public sealed class EventViewsTests
{
    private const string CoreEvents = "api/v1/namespaces/default/events";
    private const string NewEvents = "apis/events.k8s.io/v1/namespaces/default/events";

    [Fact]
    public async Task An_event_written_through_events_k8s_io_is_listed_by_kubectl_describe_through_core_v1()
    {
        await using var server = await TestServers.StartAsync();
        var http = new Http(server.CreateHttpClient());
        var created = await http.PostAsync(NewEvents, OperatorEvents.CreatedService("Created ECS service web", "u-1"));
        Assert.Equal(HttpStatusCode.Created, created.Status);

        // kubectl describe's query: core/v1, selected by the involved object.
        var listed = await http.GetAsync($"{CoreEvents}?fieldSelector=involvedObject.name%3Dweb,involvedObject.namespace%3Ddefault,involvedObject.kind%3DEcsService,involvedObject.uid%3Du-1");
        Assert.Equal(HttpStatusCode.OK, listed.Status);
        var item = Assert.Single(listed.Object["items"]!.AsArray())!.AsObject();
        Assert.Equal("Created ECS service web", (string?)item["message"]);
        Assert.Equal("ecs.operator.dev/operator", (string?)item["reportingComponent"]);
        Assert.Equal("web", (string?)item["involvedObject"]?["name"]);
        Assert.Null(item["note"]);
        Assert.Null(item["regarding"]);

        var single = await http.GetAsync($"{CoreEvents}/web.1");
        Assert.Equal(("v1", "Created"), ((string?)single.Object["apiVersion"], (string?)single.Object["reason"]));

        // A selector on another object finds nothing.
        var other = await http.GetAsync($"{CoreEvents}?fieldSelector=involvedObject.name%3Ddb");
        Assert.Empty(other.Object["items"]!.AsArray());
    }

    [Fact]
    public async Task An_event_written_through_core_v1_is_read_through_events_k8s_io_and_one_delete_removes_both_views()
    {
        await using var server = await TestServers.StartAsync();
        var http = new Http(server.CreateHttpClient());
        var created = await http.PostAsync(CoreEvents, new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "Event",
            ["metadata"] = new JsonObject { ["name"] = "db.1", ["namespace"] = "default" },
            ["involvedObject"] = new JsonObject { ["kind"] = "Pod", ["namespace"] = "default", ["name"] = "db" },
            ["reason"] = "Pulled",
            ["message"] = "pulled the image",
            ["type"] = "Normal",
            ["count"] = 3,
        });
        Assert.Equal(HttpStatusCode.Created, created.Status);

        var read = await http.GetAsync($"{NewEvents}/db.1");
        Assert.Equal("events.k8s.io/v1", (string?)read.Object["apiVersion"]);
        Assert.Equal("pulled the image", (string?)read.Object["note"]);
        Assert.Equal("db", (string?)read.Object["regarding"]?["name"]);
        Assert.Equal(3, (int?)read.Object["deprecatedCount"]);
        var selected = await http.GetAsync($"{NewEvents}?fieldSelector=regarding.name%3Ddb");
        Assert.Single(selected.Object["items"]!.AsArray());

        Assert.Equal(HttpStatusCode.OK, (await http.DeleteAsync($"{NewEvents}/db.1")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync($"{CoreEvents}/db.1")).Status);
    }
}
