using System.Net;
using System.Text.Json.Nodes;
using Xunit;

namespace EcsOperator.Kubernetes.Tests.TestServer;

public sealed class ConcurrencyTests
{
    private const string ConfigMaps = "api/v1/namespaces/default/configmaps";

    [Fact]
    public async Task Concurrent_replaces_from_the_same_version_let_exactly_one_win()
    {
        await using var server = await TestServers.StartAsync();
        var http = new Http(server.CreateHttpClient());
        var created = (await http.PostAsync(ConfigMaps, Http.ConfigMap("cm"))).Object;

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
        {
            var body = created.DeepClone().AsObject();
            body["data"] = new JsonObject { ["writer"] = i.ToString(System.Globalization.CultureInfo.InvariantCulture) };
            return http.PutAsync($"{ConfigMaps}/cm", body);
        }));

        var winner = Assert.Single(results, r => r.Status == HttpStatusCode.OK);
        Assert.All(results.Where(r => r != winner), r => Assert.Equal(HttpStatusCode.Conflict, r.Status));
        Assert.Equal(winner.Str("data.writer"), (await http.GetAsync($"{ConfigMaps}/cm")).Str("data.writer"));
    }

    [Fact]
    public async Task Concurrent_creates_get_distinct_increasing_versions_and_a_watch_sees_them_in_order()
    {
        await using var server = await TestServers.StartAsync();
        var http = new Http(server.CreateHttpClient());
        await using var watch = await WatchStream.OpenAsync(http.Client, $"{ConfigMaps}?watch=true&resourceVersion={server.CurrentResourceVersion}");

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => http.PostAsync(ConfigMaps, Http.ConfigMap($"cm{i}"))));
        var events = new List<long>();
        for (var i = 0; i < 20; i++)
        {
            events.Add(long.Parse((string)(await watch.NextAsync())!["object"]!["metadata"]!["resourceVersion"]!, System.Globalization.CultureInfo.InvariantCulture));
        }

        Assert.All(results, r => Assert.Equal(HttpStatusCode.Created, r.Status));
        Assert.Equal(20, results.Select(r => r.Str("metadata.resourceVersion")).Distinct().Count());
        Assert.Equal(events.Order(), events);
    }

    [Fact]
    public async Task Invalid_labels_are_rejected()
    {
        await using var server = await TestServers.StartAsync();
        var http = new Http(server.CreateHttpClient());

        var badKey = await http.PostAsync(ConfigMaps, Http.ConfigMap("a", labels: new JsonObject { ["bad key"] = "x" }));
        var badValue = await http.PostAsync(ConfigMaps, Http.ConfigMap("b", labels: new JsonObject { ["ok"] = "-bad-" }));
        var good = await http.PostAsync(ConfigMaps, Http.ConfigMap("c", labels: new JsonObject { ["app.kubernetes.io/name"] = "web", ["empty"] = "" }));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, badKey.Status);
        Assert.Equal("metadata.labels", badKey.Str("details.causes.0.field"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, badValue.Status);
        Assert.Equal(HttpStatusCode.Created, good.Status);
    }

    [Fact]
    public async Task Status_sent_on_create_of_a_status_kind_is_dropped_even_without_a_schema()
    {
        await using var server = await TestServers.StartAsync();
        server.Resources.Register(KubeApiServer.ServedResource.Custom("example.com", "v1", "things", "Thing"));
        var http = new Http(server.CreateHttpClient());

        var r = await http.PostAsync("apis/example.com/v1/namespaces/default/things", JsonNode.Parse("""{"metadata":{"name":"t"},"status":{"x":1}}""")!);

        Assert.Equal(HttpStatusCode.Created, r.Status);
        Assert.Null(r.Node("status"));
    }
}
