using System.Net;
using System.Text.Json.Nodes;
using Xunit;

namespace EcsOperator.Kubernetes.Tests.TestServer;

public sealed class PatchTests
{
    private const string ConfigMaps = "api/v1/namespaces/default/configmaps";

    private static async Task<Http> SeedAsync(KubeApiServer.KubeApiTestServer server)
    {
        var http = new Http(server.CreateHttpClient());
        await http.PostAsync(ConfigMaps, Http.ConfigMap("cm", new JsonObject { ["a"] = "1", ["b"] = "2" }, new JsonObject { ["x"] = "y" }));
        return http;
    }

    [Fact]
    public async Task Merge_patch_merges_objects_and_null_deletes()
    {
        await using var server = await TestServers.StartAsync();
        var http = await SeedAsync(server);

        var r = await http.MergePatchAsync($"{ConfigMaps}/cm", JsonNode.Parse("""{"data":{"a":null,"c":"3"},"metadata":{"labels":{"z":"w"}}}""")!);

        Assert.Equal(HttpStatusCode.OK, r.Status);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"b":"2","c":"3"}"""), r.Node("data")));
        Assert.Equal("y", r.Str("metadata.labels.x"));
        Assert.Equal("w", r.Str("metadata.labels.z"));
    }

    [Fact]
    public async Task Merge_patch_with_a_stale_resource_version_conflicts()
    {
        await using var server = await TestServers.StartAsync();
        var http = await SeedAsync(server);
        var rv = (await http.GetAsync($"{ConfigMaps}/cm")).Str("metadata.resourceVersion");
        await http.MergePatchAsync($"{ConfigMaps}/cm", JsonNode.Parse("""{"data":{"a":"changed"}}""")!);

        var r = await http.MergePatchAsync($"{ConfigMaps}/cm", new JsonObject { ["metadata"] = new JsonObject { ["resourceVersion"] = rv }, ["data"] = new JsonObject { ["a"] = "mine" } });

        Assert.Equal(HttpStatusCode.Conflict, r.Status);
    }

    [Fact]
    public async Task Json_patch_supports_every_operation()
    {
        await using var server = await TestServers.StartAsync();
        var http = await SeedAsync(server);

        var r = await http.JsonPatchAsync($"{ConfigMaps}/cm", JsonNode.Parse("""
            [
              {"op":"test","path":"/data/a","value":"1"},
              {"op":"add","path":"/data/c","value":"3"},
              {"op":"remove","path":"/data/b"},
              {"op":"replace","path":"/data/a","value":"one"},
              {"op":"copy","from":"/data/c","path":"/data/d"},
              {"op":"move","from":"/data/c","path":"/data/e"},
              {"op":"add","path":"/metadata/labels/app.kubernetes.io~1name","value":"web"},
              {"op":"add","path":"/metadata/finalizers","value":["a/b"]},
              {"op":"add","path":"/metadata/finalizers/-","value":"c/d"},
              {"op":"add","path":"/metadata/finalizers/0","value":"first/x"}
            ]
            """)!);

        Assert.Equal(HttpStatusCode.OK, r.Status);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"a":"one","d":"3","e":"3"}"""), r.Node("data")), r.Node("data")?.ToJsonString());
        Assert.Equal("web", r.Object["metadata"]!["labels"]!["app.kubernetes.io/name"]!.ToString());
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""["first/x","a/b","c/d"]"""), r.Node("metadata.finalizers")));
    }

    [Fact]
    public async Task Failed_json_patch_test_is_422_and_changes_nothing()
    {
        await using var server = await TestServers.StartAsync();
        var http = await SeedAsync(server);
        var before = server.CurrentResourceVersion;

        var r = await http.JsonPatchAsync($"{ConfigMaps}/cm", JsonNode.Parse("""
            [{"op":"replace","path":"/data/a","value":"x"},{"op":"test","path":"/data/b","value":"nope"}]
            """)!);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, r.Status);
        Assert.Equal("Invalid", r.Str("reason"));
        Assert.Contains("test failed", r.Str("details.causes.0.message"));
        Assert.Equal(before, server.CurrentResourceVersion);
        Assert.Equal("1", (await http.GetAsync($"{ConfigMaps}/cm")).Str("data.a"));
    }

    [Fact]
    public async Task Json_patch_on_a_missing_path_is_422_and_malformed_patch_is_400()
    {
        await using var server = await TestServers.StartAsync();
        var http = await SeedAsync(server);

        var missing = await http.JsonPatchAsync($"{ConfigMaps}/cm", JsonNode.Parse("""[{"op":"remove","path":"/data/zzz"}]""")!);
        var malformed = await http.JsonPatchAsync($"{ConfigMaps}/cm", JsonNode.Parse("""{"op":"remove"}""")!);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, missing.Status);
        Assert.Equal(HttpStatusCode.BadRequest, malformed.Status);
    }

    [Fact]
    public async Task Unsupported_patch_type_is_415()
    {
        await using var server = await TestServers.StartAsync();
        var http = await SeedAsync(server);

        var r = await http.SendAsync(HttpMethod.Patch, $"{ConfigMaps}/cm", JsonNode.Parse("{}"), "application/strategic-merge-patch+json");

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, r.Status);
        Assert.Equal("UnsupportedMediaType", r.Str("reason"));
    }

    [Fact]
    public async Task Patch_of_a_missing_object_is_NotFound()
    {
        await using var server = await TestServers.StartAsync();
        var http = new Http(server.CreateHttpClient());

        var r = await http.MergePatchAsync($"{ConfigMaps}/ghost", JsonNode.Parse("{}")!);

        Assert.Equal(HttpStatusCode.NotFound, r.Status);
    }

    [Fact]
    public async Task Yaml_bodies_are_accepted()
    {
        await using var server = await TestServers.StartAsync();
        var http = new Http(server.CreateHttpClient());
        using var content = new StringContent("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: from-yaml\ndata:\n  port: \"80\"\n");
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/yaml");

        using var response = await http.Client.PostAsync(ConfigMaps, content, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("80", (await http.GetAsync($"{ConfigMaps}/from-yaml")).Str("data.port"));
    }
}
