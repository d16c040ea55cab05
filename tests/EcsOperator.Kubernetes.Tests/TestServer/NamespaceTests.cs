using System.Net;
using System.Text.Json.Nodes;
using Xunit;

namespace EcsOperator.Kubernetes.Tests.TestServer;

public sealed class NamespaceTests
{
    [Fact]
    public async Task Deleting_a_namespace_terminates_it_and_waits_for_finalized_content()
    {
        await using var server = await TestServers.StartAsync();
        var http = new Http(server.CreateHttpClient());
        const string cms = "api/v1/namespaces/shop/configmaps";
        await http.PostAsync(cms, Http.ConfigMap("plain"));
        var held = Http.ConfigMap("held");
        held["metadata"]!["finalizers"] = new JsonArray("example.com/hold");
        await http.PostAsync(cms, held);

        var deleting = await http.DeleteAsync("api/v1/namespaces/shop");
        var refused = await http.PostAsync(cms, Http.ConfigMap("late"));
        var plain = await http.GetAsync($"{cms}/plain");
        var stillThere = await http.GetAsync("api/v1/namespaces/shop");
        await http.MergePatchAsync($"{cms}/held", JsonNode.Parse("""{"metadata":{"finalizers":[]}}""")!);
        var gone = await http.GetAsync("api/v1/namespaces/shop");

        Assert.Equal(HttpStatusCode.OK, deleting.Status);
        Assert.Equal("Terminating", deleting.Str("status.phase"));
        Assert.Equal(HttpStatusCode.Forbidden, refused.Status);
        Assert.Equal("configmaps \"late\" is forbidden: unable to create new content in namespace shop because it is being terminated", refused.Str("message"));
        Assert.Equal("NamespaceTerminating", refused.Str("details.causes.0.reason"));
        Assert.Equal(HttpStatusCode.NotFound, plain.Status);
        Assert.Equal(HttpStatusCode.OK, stillThere.Status);
        Assert.Equal(HttpStatusCode.NotFound, gone.Status);
    }

    [Fact]
    public async Task Deleting_an_empty_namespace_removes_it()
    {
        await using var server = await TestServers.StartAsync();
        var http = new Http(server.CreateHttpClient());
        await http.PostAsync("api/v1/namespaces", new JsonObject { ["metadata"] = new JsonObject { ["name"] = "empty" } });

        await http.DeleteAsync("api/v1/namespaces/empty");

        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("api/v1/namespaces/empty")).Status);
    }
}
