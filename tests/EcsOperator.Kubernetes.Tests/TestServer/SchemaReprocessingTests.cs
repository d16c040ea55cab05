using System.Net;
using System.Text.Json.Nodes;
using EcsOperator.KubeApiServer;
using Xunit;

namespace EcsOperator.Kubernetes.Tests.TestServer;

/// <summary>
/// The server skips schema processing of the fields a write copies from the stored object (spec on a status write,
/// status on a main-resource write) only when that object passed the same schema: one stored through another
/// version (here v1beta1, which preserves unknown fields) is pruned and defaulted by the version written through.
/// </summary>
public sealed class SchemaReprocessingTests
{
    private const string WidgetsV1Beta1 = "apis/example.com/v1beta1/namespaces/default/widgets";

    private static async Task<(KubeApiTestServer Server, Http Http)> StartAsync()
    {
        var server = await TestServers.StartAsync();
        server.Resources.RegisterCrdYaml(Crds.WidgetYaml);
        return (server, new Http(server.CreateHttpClient()));
    }

    private static JsonObject Widget(JsonObject spec, JsonObject? status = null)
    {
        var widget = new JsonObject
        {
            ["apiVersion"] = "example.com/v1beta1",
            ["kind"] = "Widget",
            ["metadata"] = new JsonObject { ["name"] = "w" },
            ["spec"] = spec,
        };
        if (status is not null)
        {
            widget["status"] = status;
        }

        return widget;
    }

    private static JsonObject AsV1(JsonObject obj)
    {
        var copy = obj.DeepClone().AsObject();
        copy["apiVersion"] = "example.com/v1";
        return copy;
    }

    [Fact]
    public async Task A_status_write_prunes_and_defaults_a_spec_stored_through_another_version()
    {
        var (server, http) = await StartAsync();
        await using var _ = server;
        var created = await http.PostAsync(WidgetsV1Beta1, Widget(new JsonObject { ["image"] = "nginx", ["unknown"] = 1 }));
        Assert.True(HttpStatusCode.Created == created.Status, created.Body?.ToJsonString());
        Assert.Equal("1", created.Str("spec.unknown"));

        var withStatus = AsV1(created.Object);
        withStatus["status"] = new JsonObject { ["phase"] = "Ready" };
        var written = await http.PutAsync($"{Crds.Widgets}/w/status", withStatus);

        Assert.True(HttpStatusCode.OK == written.Status, written.Body?.ToJsonString());
        Assert.Null(written.Node("spec.unknown"));
        Assert.Equal("1", written.Str("spec.replicas"));
        Assert.Equal("FARGATE", written.Str("spec.launchType"));
        Assert.Equal("2", written.Str("metadata.generation"));
        Assert.Equal("Ready", written.Str("status.phase"));
        Assert.Equal(["299 - \"unknown field \\\"spec.unknown\\\"\""], written.Headers.GetValues("Warning"));

        // Stored through v1 now: the next status write leaves the spec and the generation as they are.
        var again = written.Object.DeepClone().AsObject();
        again["status"] = new JsonObject { ["phase"] = "Done" };
        var second = await http.PutAsync($"{Crds.Widgets}/w/status", again);
        Assert.True(HttpStatusCode.OK == second.Status, second.Body?.ToJsonString());
        Assert.Equal("2", second.Str("metadata.generation"));
        Assert.Equal("Done", second.Str("status.phase"));
        Assert.False(second.Headers.Contains("Warning"));
        Assert.True(JsonNode.DeepEquals(written.Node("spec"), second.Node("spec")));
    }

    [Fact]
    public async Task A_main_resource_write_prunes_a_status_stored_through_another_version()
    {
        var (server, http) = await StartAsync();
        await using var _ = server;

        // v1beta1 has no status subresource: the status is stored as sent, unknown field included.
        var created = await http.PostAsync(WidgetsV1Beta1,
            Widget(new JsonObject { ["image"] = "nginx" }, new JsonObject { ["phase"] = "Ready", ["bogus"] = true }));
        Assert.True(HttpStatusCode.Created == created.Status, created.Body?.ToJsonString());
        Assert.Equal("true", created.Str("status.bogus"));

        var labelled = AsV1(created.Object);
        labelled["metadata"]!["labels"] = new JsonObject { ["team"] = "a" };
        var written = await http.PutAsync($"{Crds.Widgets}/w", labelled);

        Assert.True(HttpStatusCode.OK == written.Status, written.Body?.ToJsonString());
        Assert.Equal("Ready", written.Str("status.phase"));
        Assert.Null(written.Node("status.bogus"));
        Assert.Contains("299 - \"unknown field \\\"status.bogus\\\"\"", written.Headers.GetValues("Warning"));
    }

    [Fact]
    public async Task A_status_write_still_validates_and_prunes_the_status_it_brings()
    {
        var (server, http) = await StartAsync();
        await using var _ = server;
        var created = (await http.PostAsync(Crds.Widgets, AsV1(Widget(new JsonObject { ["image"] = "nginx" })))).Object;

        var invalid = created.DeepClone().AsObject();
        invalid["status"] = new JsonObject { ["observedGeneration"] = "one" };
        var rejected = await http.PutAsync($"{Crds.Widgets}/w/status", invalid);
        Assert.Equal((HttpStatusCode)422, rejected.Status);
        Assert.Contains("status.observedGeneration in body must be of type integer", rejected.Str("message"));

        var unknown = created.DeepClone().AsObject();
        unknown["status"] = new JsonObject { ["phase"] = "Ready", ["extra"] = 1 };
        var pruned = await http.PutAsync($"{Crds.Widgets}/w/status", unknown);
        Assert.True(HttpStatusCode.OK == pruned.Status, pruned.Body?.ToJsonString());
        Assert.Null(pruned.Node("status.extra"));
        Assert.Equal(["299 - \"unknown field \\\"status.extra\\\"\""], pruned.Headers.GetValues("Warning"));
        Assert.Equal("1", pruned.Str("metadata.generation"));
    }
}
