using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using EcsOperator.KubeApiServer;
using Xunit;
using Microsoft.Extensions.Time.Testing;

namespace EcsOperator.Kubernetes.Tests.TestServer;

public sealed class EdgeCaseTests
{
    private const string ConfigMaps = "api/v1/namespaces/default/configmaps";

    [Fact]
    public async Task Deprecated_watch_prefix_watches_one_object()
    {
        await using var server = await TestServers.StartAsync();
        var http = new Http(server.CreateHttpClient());
        await using var watch = await WatchStream.OpenAsync(http.Client, $"api/v1/watch/namespaces/default/configmaps/mine?resourceVersion={server.CurrentResourceVersion}");

        await http.PostAsync(ConfigMaps, Http.ConfigMap("other"));
        await http.PostAsync(ConfigMaps, Http.ConfigMap("mine"));

        var e = (await watch.NextAsync())!;
        Assert.Equal("mine", (string?)e["object"]!["metadata"]!["name"]);
    }

    [Fact]
    public async Task Exact_resource_version_list_shows_the_past()
    {
        await using var server = await TestServers.StartAsync();
        var http = new Http(server.CreateHttpClient());
        var rv = (await http.PostAsync(ConfigMaps, Http.ConfigMap("a"))).Str("metadata.resourceVersion");
        await http.PostAsync(ConfigMaps, Http.ConfigMap("b"));
        await http.DeleteAsync($"{ConfigMaps}/a");

        var past = await http.GetAsync($"{ConfigMaps}?resourceVersion={rv}&resourceVersionMatch=Exact");
        var now = await http.GetAsync(ConfigMaps);

        Assert.Equal(["a"], past.Node("items")!.AsArray().Select(i => (string?)i!["metadata"]!["name"]));
        Assert.Equal(rv, past.Str("metadata.resourceVersion"));
        Assert.Equal(["b"], now.Node("items")!.AsArray().Select(i => (string?)i!["metadata"]!["name"]));
    }

    [Fact]
    public async Task Map_values_get_defaults_and_multipleOf_is_checked()
    {
        await using var server = await TestServers.StartAsync();
        server.Resources.RegisterCrdYaml("""
            apiVersion: apiextensions.k8s.io/v1
            kind: CustomResourceDefinition
            metadata: {name: pools.example.com}
            spec:
              group: example.com
              names: {plural: pools, kind: Pool}
              scope: Namespaced
              versions:
              - name: v1
                served: true
                storage: true
                schema:
                  openAPIV3Schema:
                    type: object
                    properties:
                      spec:
                        type: object
                        properties:
                          step: {type: integer, multipleOf: 5}
                          members:
                            type: object
                            additionalProperties:
                              type: object
                              properties:
                                weight: {type: integer, default: 10}
            """);
        var http = new Http(server.CreateHttpClient());
        const string pools = "apis/example.com/v1/namespaces/default/pools";

        var ok = await http.PostAsync(pools, JsonNode.Parse("""{"metadata":{"name":"p"},"spec":{"step":10,"members":{"a":{},"b":{"weight":1}}}}""")!);
        var bad = await http.PostAsync(pools, JsonNode.Parse("""{"metadata":{"name":"q"},"spec":{"step":7}}""")!);

        Assert.Equal("10", ok.Str("spec.members.a.weight"));
        Assert.Equal("1", ok.Str("spec.members.b.weight"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, bad.Status);
        Assert.Equal("Invalid value: 7: spec.step in body should be a multiple of 5", bad.Str("details.causes.0.message"));
    }

    [Fact]
    public async Task Malformed_json_is_BadRequest_and_wrong_kind_is_rejected()
    {
        await using var server = await TestServers.StartAsync();
        var http = new Http(server.CreateHttpClient());
        using var content = new StringContent("{not json", Encoding.UTF8, "application/json");

        using var malformed = await http.Client.PostAsync(ConfigMaps, content, TestContext.Current.CancellationToken);
        var wrongKind = await http.PostAsync(ConfigMaps, JsonNode.Parse("""{"apiVersion":"v1","kind":"Secret","metadata":{"name":"s"}}""")!);

        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, wrongKind.Status);
        Assert.Contains("does not match the expected kind (ConfigMap)", wrongKind.Str("message"));
    }

    [Fact]
    public async Task Unsupported_methods_are_405()
    {
        await using var server = await TestServers.StartAsync();
        var http = new Http(server.CreateHttpClient());

        var postToName = await http.PostAsync($"{ConfigMaps}/x", Http.ConfigMap("x"));
        var putToCollection = await http.PutAsync(ConfigMaps, Http.ConfigMap("x"));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, postToName.Status);
        Assert.Equal("MethodNotAllowed", postToName.Str("reason"));
        Assert.Equal(HttpStatusCode.MethodNotAllowed, putToCollection.Status);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, (await http.PostAsync("api/v1/configmaps", Http.ConfigMap("x"))).Status);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, (await http.DeleteAsync("api/v1/configmaps")).Status);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("api/v1/configmaps")).Status);
    }

    [Fact]
    public async Task Creating_with_a_resource_version_is_rejected()
    {
        await using var server = await TestServers.StartAsync();
        var http = new Http(server.CreateHttpClient());
        var body = Http.ConfigMap("x");
        body["metadata"]!["resourceVersion"] = "5";

        var r = await http.PostAsync(ConfigMaps, body);

        Assert.Equal(HttpStatusCode.BadRequest, r.Status);
        Assert.Equal("resourceVersion should not be set on objects to be created", r.Str("message"));
    }

    [Fact]
    public async Task Timestamps_come_from_the_configured_clock()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2030, 5, 6, 7, 8, 9, TimeSpan.Zero));
        await using var server = await TestServers.StartAsync(new KubeApiTestServerOptions { TimeProvider = clock });
        var http = new Http(server.CreateHttpClient());
        var body = Http.ConfigMap("x");
        body["metadata"]!["finalizers"] = new JsonArray("a/b");
        await http.PostAsync(ConfigMaps, body);
        clock.Advance(TimeSpan.FromMinutes(1));

        var deleting = await http.DeleteAsync($"{ConfigMaps}/x");

        Assert.Equal("2030-05-06T07:08:09Z", deleting.Str("metadata.creationTimestamp"));
        Assert.Equal("2030-05-06T07:09:09Z", deleting.Str("metadata.deletionTimestamp"));
    }
}
