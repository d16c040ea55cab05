using System.Net;
using System.Text.Json.Nodes;
using Xunit;

namespace EcsOperator.Kubernetes.Tests.TestServer;

public sealed class ListTests
{
    private const string ConfigMaps = "api/v1/namespaces/default/configmaps";

    private static List<string?> Names(Http.Response r) => r.Node("items")!.AsArray().Select(i => (string?)i!["metadata"]!["name"]).ToList();

    private static async Task SeedAsync(Http http)
    {
        await http.PostAsync(ConfigMaps, Http.ConfigMap("web", labels: new JsonObject { ["app"] = "web", ["tier"] = "front" }));
        await http.PostAsync(ConfigMaps, Http.ConfigMap("api", labels: new JsonObject { ["app"] = "api", ["tier"] = "back" }));
        await http.PostAsync(ConfigMaps, Http.ConfigMap("db", labels: new JsonObject { ["app"] = "db" }));
        await http.PostAsync(ConfigMaps, Http.ConfigMap("plain"));
    }

    [Fact]
    public async Task List_is_sorted_by_name_with_the_list_resource_version_and_typed_items()
    {
        await using var server = await TestServers.StartAsync();
        var http = new Http(server.CreateHttpClient());
        await SeedAsync(http);

        var r = await http.GetAsync(ConfigMaps);

        Assert.Equal("ConfigMapList", r.Str("kind"));
        Assert.Equal("v1", r.Str("apiVersion"));
        Assert.Equal(server.CurrentResourceVersion.ToString(System.Globalization.CultureInfo.InvariantCulture), r.Str("metadata.resourceVersion"));
        Assert.Equal(["api", "db", "plain", "web"], Names(r));
        Assert.Null(r.Node("items.0.kind"));
    }

    [Theory]
    [InlineData("app=web", new[] { "web" })]
    [InlineData("app==web", new[] { "web" })]
    [InlineData("app!=web", new[] { "api", "db", "plain" })]
    [InlineData("app in (web,db)", new[] { "db", "web" })]
    [InlineData("app notin (web, db)", new[] { "api", "plain" })]
    [InlineData("tier", new[] { "api", "web" })]
    [InlineData("!tier", new[] { "db", "plain" })]
    [InlineData("app,tier=back", new[] { "api" })]
    public async Task Label_selectors_filter_like_kube(string selector, string[] expected)
    {
        await using var server = await TestServers.StartAsync();
        var http = new Http(server.CreateHttpClient());
        await SeedAsync(http);

        var r = await http.GetAsync($"{ConfigMaps}?labelSelector={Uri.EscapeDataString(selector)}");

        Assert.Equal(HttpStatusCode.OK, r.Status);
        Assert.Equal(expected, Names(r).Select(n => n!).ToArray());
    }

    [Theory]
    [InlineData("app in web")]
    [InlineData("app=(x")]
    [InlineData("bad key!=x")]
    public async Task Malformed_label_selector_is_BadRequest(string selector)
    {
        await using var server = await TestServers.StartAsync();
        var http = new Http(server.CreateHttpClient());

        var r = await http.GetAsync($"{ConfigMaps}?labelSelector={Uri.EscapeDataString(selector)}");

        Assert.Equal(HttpStatusCode.BadRequest, r.Status);
        Assert.Equal("BadRequest", r.Str("reason"));
        Assert.StartsWith("unable to parse requirement", r.Str("message"));
    }

    [Fact]
    public async Task Field_selectors_on_name_and_namespace_and_unsupported_fields()
    {
        await using var server = await TestServers.StartAsync();
        var http = new Http(server.CreateHttpClient());
        await SeedAsync(http);
        await http.PostAsync("api/v1/namespaces/other/configmaps", Http.ConfigMap("web"));

        var byName = await http.GetAsync($"api/v1/configmaps?fieldSelector={Uri.EscapeDataString("metadata.name=web")}");
        var notDefault = await http.GetAsync($"api/v1/configmaps?fieldSelector={Uri.EscapeDataString("metadata.namespace!=default")}");
        var unsupported = await http.GetAsync($"{ConfigMaps}?fieldSelector={Uri.EscapeDataString("data.x=1")}");

        Assert.Equal(2, Names(byName).Count);
        Assert.Equal(["web"], Names(notDefault));
        Assert.Equal(HttpStatusCode.BadRequest, unsupported.Status);
        Assert.Equal("field label not supported: data.x", unsupported.Str("message"));
    }

    [Fact]
    public async Task Paging_with_limit_and_continue_is_a_consistent_snapshot()
    {
        await using var server = await TestServers.StartAsync();
        var http = new Http(server.CreateHttpClient());
        for (var i = 0; i < 5; i++)
        {
            await http.PostAsync(ConfigMaps, Http.ConfigMap($"cm{i}"));
        }

        var page1 = await http.GetAsync($"{ConfigMaps}?limit=2");
        await http.DeleteAsync($"{ConfigMaps}/cm3");
        await http.PostAsync(ConfigMaps, Http.ConfigMap("cm5"));
        await http.MergePatchAsync($"{ConfigMaps}/cm2", JsonNode.Parse("""{"data":{"changed":"yes"}}""")!);
        var page2 = await http.GetAsync($"{ConfigMaps}?limit=2&continue={page1.Str("metadata.continue")}");
        var page3 = await http.GetAsync($"{ConfigMaps}?limit=2&continue={page2.Str("metadata.continue")}");

        Assert.Equal(["cm0", "cm1"], Names(page1));
        Assert.Equal("3", page1.Str("metadata.remainingItemCount"));
        Assert.Equal(["cm2", "cm3"], Names(page2));
        Assert.Null(page2.Node("items.0.data.changed"));
        Assert.Equal(["cm4"], Names(page3));
        Assert.Null(page3.Node("metadata.continue"));
        Assert.Equal(page1.Str("metadata.resourceVersion"), page3.Str("metadata.resourceVersion"));
    }

    [Fact]
    public async Task Continue_token_from_compacted_history_is_410_Expired()
    {
        await using var server = await TestServers.StartAsync();
        var http = new Http(server.CreateHttpClient());
        for (var i = 0; i < 3; i++)
        {
            await http.PostAsync(ConfigMaps, Http.ConfigMap($"cm{i}"));
        }

        var page1 = await http.GetAsync($"{ConfigMaps}?limit=1");
        await http.PostAsync(ConfigMaps, Http.ConfigMap("later"));
        server.CompactHistory();
        var r = await http.GetAsync($"{ConfigMaps}?limit=1&continue={page1.Str("metadata.continue")}");

        Assert.Equal(HttpStatusCode.Gone, r.Status);
        Assert.Equal("Expired", r.Str("reason"));
        Assert.StartsWith("The provided continue parameter is too old", r.Str("message"));
    }

    [Fact]
    public async Task Garbage_continue_token_is_BadRequest()
    {
        await using var server = await TestServers.StartAsync();
        var http = new Http(server.CreateHttpClient());

        var r = await http.GetAsync($"{ConfigMaps}?limit=1&continue=bm90LWEtdG9rZW4");

        Assert.Equal(HttpStatusCode.BadRequest, r.Status);
        Assert.StartsWith("continue key is not valid", r.Str("message"));
    }

    [Fact]
    public async Task Selector_paging_omits_the_remaining_count()
    {
        await using var server = await TestServers.StartAsync();
        var http = new Http(server.CreateHttpClient());
        await SeedAsync(http);

        var r = await http.GetAsync($"{ConfigMaps}?limit=1&labelSelector=app");

        Assert.Equal(["api"], Names(r));
        Assert.NotNull(r.Str("metadata.continue"));
        Assert.Null(r.Node("metadata.remainingItemCount"));
    }

    [Fact]
    public async Task Delete_collection_deletes_matching_objects()
    {
        await using var server = await TestServers.StartAsync();
        var http = new Http(server.CreateHttpClient());
        await SeedAsync(http);

        var r = await http.DeleteAsync($"{ConfigMaps}?labelSelector=tier");
        var left = await http.GetAsync(ConfigMaps);

        Assert.Equal(HttpStatusCode.OK, r.Status);
        Assert.Equal(["api", "web"], Names(r));
        Assert.Equal(["db", "plain"], Names(left));
    }

    [Fact]
    public async Task Events_support_involved_object_field_selectors()
    {
        await using var server = await TestServers.StartAsync();
        var http = new Http(server.CreateHttpClient());
        foreach (var (name, target) in new[] { ("e1", "web"), ("e2", "api") })
        {
            await http.PostAsync("api/v1/namespaces/default/events", JsonNode.Parse($$"""
                {"metadata":{"name":"{{name}}"},"involvedObject":{"kind":"EcsService","name":"{{target}}"},"reason":"Created","type":"Normal"}
                """)!);
        }

        var r = await http.GetAsync($"api/v1/namespaces/default/events?fieldSelector={Uri.EscapeDataString("involvedObject.name=api,type=Normal")}");
        var v1 = await http.PostAsync("apis/events.k8s.io/v1/namespaces/default/events", JsonNode.Parse("""
            {"metadata":{"name":"x.17a"},"regarding":{"kind":"EcsService","name":"web"},"reason":"RolloutStarted","type":"Normal","action":"Rollout","reportingController":"ecs.operator.dev/controller","reportingInstance":"pod-1","eventTime":"2026-01-01T00:00:00.000000Z"}
            """)!);

        Assert.Equal(["e2"], Names(r));
        Assert.Equal(HttpStatusCode.Created, v1.Status);
        Assert.Equal("events.k8s.io/v1", v1.Str("apiVersion"));
    }
}
