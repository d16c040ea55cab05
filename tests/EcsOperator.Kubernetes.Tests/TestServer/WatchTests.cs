using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using EcsOperator.KubeApiServer;
using Xunit;

namespace EcsOperator.Kubernetes.Tests.TestServer;

public sealed class WatchTests
{
    private const string ConfigMaps = "api/v1/namespaces/default/configmaps";

    private static string Type(JsonObject e) => (string)e["type"]!;

    private static string? Name(JsonObject e) => (string?)e["object"]?["metadata"]?["name"];

    private static string? Rv(JsonObject e) => (string?)e["object"]?["metadata"]?["resourceVersion"];

    [Fact]
    public async Task Watch_from_a_resource_version_streams_added_modified_deleted_in_order()
    {
        await using var server = await TestServers.StartAsync();
        var http = new Http(server.CreateHttpClient());
        var before = (await http.PostAsync(ConfigMaps, Http.ConfigMap("old"))).Str("metadata.resourceVersion");

        await using var watch = await WatchStream.OpenAsync(http.Client, $"{ConfigMaps}?watch=true&resourceVersion={before}");
        Assert.Equal(HttpStatusCode.OK, watch.Status);
        var created = (await http.PostAsync(ConfigMaps, Http.ConfigMap("cm"))).Object;
        created["data"] = new JsonObject { ["k"] = "v" };
        var updated = await http.PutAsync($"{ConfigMaps}/cm", created);
        await http.DeleteAsync($"{ConfigMaps}/cm");

        var added = (await watch.NextAsync())!;
        var modified = (await watch.NextAsync())!;
        var deleted = (await watch.NextAsync())!;
        Assert.Equal(("ADDED", "cm"), (Type(added), Name(added)));
        Assert.Equal(("MODIFIED", "v"), (Type(modified), (string?)modified["object"]!["data"]!["k"]));
        Assert.Equal(updated.Str("metadata.resourceVersion"), Rv(modified));
        Assert.Equal("DELETED", Type(deleted));
        Assert.True(long.Parse(Rv(deleted)!) > long.Parse(Rv(modified)!), "DELETED carries the deletion's resourceVersion");
        Assert.Equal("ConfigMap", (string?)deleted["object"]!["kind"]);
    }

    [Fact]
    public async Task Watch_without_resource_version_starts_with_synthetic_added_events()
    {
        await using var server = await TestServers.StartAsync();
        var http = new Http(server.CreateHttpClient());
        await http.PostAsync(ConfigMaps, Http.ConfigMap("b"));
        await http.PostAsync(ConfigMaps, Http.ConfigMap("a"));
        await http.PostAsync("api/v1/namespaces/other/configmaps", Http.ConfigMap("elsewhere"));

        await using var watch = await WatchStream.OpenAsync(http.Client, $"{ConfigMaps}?watch=1");
        var first = (await watch.NextAsync())!;
        var second = (await watch.NextAsync())!;
        await http.PostAsync(ConfigMaps, Http.ConfigMap("c"));
        var third = (await watch.NextAsync())!;

        Assert.Equal(new string?[] { "a", "b", "c" }, new[] { Name(first), Name(second), Name(third) });
        Assert.All(new[] { first, second, third }, e => Assert.Equal("ADDED", Type(e)));
    }

    [Fact]
    public async Task All_namespaces_watch_sees_every_namespace()
    {
        await using var server = await TestServers.StartAsync();
        var http = new Http(server.CreateHttpClient());
        var rv = server.CurrentResourceVersion;

        await using var watch = await WatchStream.OpenAsync(http.Client, $"api/v1/configmaps?watch=true&resourceVersion={rv}");
        await http.PostAsync("api/v1/namespaces/one/configmaps", Http.ConfigMap("x"));
        await http.PostAsync("api/v1/namespaces/two/configmaps", Http.ConfigMap("y"));

        var a = (await watch.NextAsync())!;
        var b = (await watch.NextAsync())!;
        Assert.Equal(("one", "two"), ((string?)a["object"]!["metadata"]!["namespace"], (string?)b["object"]!["metadata"]!["namespace"]));
    }

    [Fact]
    public async Task Compacted_resource_version_gives_a_single_410_Expired_error_event()
    {
        await using var server = await TestServers.StartAsync();
        var http = new Http(server.CreateHttpClient());
        var old = (await http.PostAsync(ConfigMaps, Http.ConfigMap("a"))).Str("metadata.resourceVersion");
        await http.PostAsync(ConfigMaps, Http.ConfigMap("b"));
        server.CompactHistory();

        await using var watch = await WatchStream.OpenAsync(http.Client, $"{ConfigMaps}?watch=true&resourceVersion={old}");
        var events = await watch.ReadToEndAsync();

        Assert.Equal(HttpStatusCode.OK, watch.Status);
        var error = Assert.Single(events);
        Assert.Equal("ERROR", Type(error));
        Assert.Equal(410, (int)error["object"]!["code"]!);
        Assert.Equal("Expired", (string?)error["object"]!["reason"]);
        Assert.StartsWith($"too old resource version: {old} (", (string?)error["object"]!["message"]);
    }

    [Fact]
    public async Task History_window_limits_how_far_back_a_watch_can_start()
    {
        await using var server = await TestServers.StartAsync();
        server.HistoryWindow = 2;
        var http = new Http(server.CreateHttpClient());
        var rvs = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            rvs.Add((await http.PostAsync(ConfigMaps, Http.ConfigMap($"cm{i}"))).Str("metadata.resourceVersion")!);
        }

        await using var tooOld = await WatchStream.OpenAsync(http.Client, $"{ConfigMaps}?watch=true&resourceVersion={rvs[0]}");
        await using var recent = await WatchStream.OpenAsync(http.Client, $"{ConfigMaps}?watch=true&resourceVersion={rvs[1]}");

        Assert.Equal("ERROR", Type((await tooOld.NextAsync())!));
        Assert.Equal(new string?[] { "cm2", "cm3" }, new[] { Name((await recent.NextAsync())!), Name((await recent.NextAsync())!) });
    }

    [Fact]
    public async Task Server_ends_the_watch_after_timeoutSeconds()
    {
        await using var server = await TestServers.StartAsync();
        var http = new Http(server.CreateHttpClient());
        var stopwatch = Stopwatch.StartNew();

        await using var watch = await WatchStream.OpenAsync(http.Client, $"{ConfigMaps}?watch=true&timeoutSeconds=1&resourceVersion={server.CurrentResourceVersion}");
        var events = await watch.ReadToEndAsync();

        Assert.Empty(events);
        Assert.InRange(stopwatch.Elapsed, TimeSpan.FromSeconds(0.9), TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Server_default_watch_timeout_applies_without_timeoutSeconds()
    {
        await using var server = await TestServers.StartAsync(new KubeApiTestServerOptions { DefaultWatchTimeout = TimeSpan.FromMilliseconds(300) });
        var http = new Http(server.CreateHttpClient());

        await using var watch = await WatchStream.OpenAsync(http.Client, $"{ConfigMaps}?watch=true");

        Assert.Null(await watch.NextAsync(TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public async Task Bookmarks_carry_only_the_resource_version_and_only_when_allowed()
    {
        await using var server = await TestServers.StartAsync();
        var http = new Http(server.CreateHttpClient());
        var rv = server.CurrentResourceVersion;
        // No timeoutSeconds: a 1 s watch sometimes ended before a loaded machine had got to the bookmark (CI, session
        // 12). The test ends both watches itself, after the bookmark, so `without` had its chance to get one too.
        await using var withBookmarks = await WatchStream.OpenAsync(http.Client, $"{ConfigMaps}?watch=true&allowWatchBookmarks=true&resourceVersion={rv}");
        await using var without = await WatchStream.OpenAsync(http.Client, $"{ConfigMaps}?watch=true&resourceVersion={rv}");
        await WaitUntilAsync(() => server.ActiveWatchCount == 2);
        var created = await http.PostAsync("api/v1/namespaces/other/configmaps", Http.ConfigMap("elsewhere"));

        server.TriggerBookmarks();
        Assert.Equal(2, server.CloseWatches()); // a clean end after whatever each watch was sent

        var bookmark = (await withBookmarks.NextAsync())!;
        Assert.Equal("BOOKMARK", Type(bookmark));
        var expected = new JsonObject
        {
            ["kind"] = "ConfigMap",
            ["apiVersion"] = "v1",
            ["metadata"] = new JsonObject { ["resourceVersion"] = created.Str("metadata.resourceVersion") },
        };
        Assert.True(JsonNode.DeepEquals(expected, bookmark["object"]), bookmark.ToJsonString());
        Assert.Empty(await without.ReadToEndAsync());
    }

    [Fact]
    public async Task Bookmarks_are_sent_periodically()
    {
        await using var server = await TestServers.StartAsync(new KubeApiTestServerOptions { BookmarkInterval = TimeSpan.FromMilliseconds(100) });
        var http = new Http(server.CreateHttpClient());

        await using var watch = await WatchStream.OpenAsync(http.Client, $"{ConfigMaps}?watch=true&allowWatchBookmarks=true&resourceVersion={server.CurrentResourceVersion}");

        Assert.Equal("BOOKMARK", Type((await watch.NextAsync(TimeSpan.FromSeconds(5)))!));
        Assert.Equal("BOOKMARK", Type((await watch.NextAsync(TimeSpan.FromSeconds(5)))!));
    }

    [Fact]
    public async Task Send_initial_events_ends_with_an_annotated_bookmark()
    {
        await using var server = await TestServers.StartAsync();
        var http = new Http(server.CreateHttpClient());
        await http.PostAsync(ConfigMaps, Http.ConfigMap("a"));

        await using var watch = await WatchStream.OpenAsync(http.Client,
            $"{ConfigMaps}?watch=true&sendInitialEvents=true&resourceVersionMatch=NotOlderThan&allowWatchBookmarks=true");

        Assert.Equal("ADDED", Type((await watch.NextAsync())!));
        var end = (await watch.NextAsync())!;
        Assert.Equal("BOOKMARK", Type(end));
        Assert.Equal("true", (string?)end["object"]!["metadata"]!["annotations"]!["k8s.io/initial-events-end"]);
    }

    [Fact]
    public async Task Label_selector_watch_turns_leaving_and_entering_into_deleted_and_added()
    {
        await using var server = await TestServers.StartAsync();
        var http = new Http(server.CreateHttpClient());
        var rv = server.CurrentResourceVersion;
        await using var watch = await WatchStream.OpenAsync(http.Client, $"{ConfigMaps}?watch=true&labelSelector=app%3Dweb&resourceVersion={rv}");

        await http.PostAsync(ConfigMaps, Http.ConfigMap("cm", labels: new JsonObject { ["app"] = "web" }));
        await http.MergePatchAsync($"{ConfigMaps}/cm", JsonNode.Parse("""{"metadata":{"labels":{"app":"db"}}}""")!);
        await http.MergePatchAsync($"{ConfigMaps}/cm", JsonNode.Parse("""{"metadata":{"labels":{"app":"web"}}}""")!);
        await http.PostAsync(ConfigMaps, Http.ConfigMap("other", labels: new JsonObject { ["app"] = "db" }));
        await http.MergePatchAsync($"{ConfigMaps}/cm", JsonNode.Parse("""{"data":{"x":"y"}}""")!);

        var types = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            types.Add(Type((await watch.NextAsync())!));
        }

        Assert.Equal(["ADDED", "DELETED", "ADDED", "MODIFIED"], types);
    }

    [Fact]
    public async Task Watch_of_one_object_by_field_selector()
    {
        await using var server = await TestServers.StartAsync();
        var http = new Http(server.CreateHttpClient());
        await using var watch = await WatchStream.OpenAsync(http.Client,
            $"{ConfigMaps}?watch=true&fieldSelector=metadata.name%3Dmine&resourceVersion={server.CurrentResourceVersion}");

        await http.PostAsync(ConfigMaps, Http.ConfigMap("theirs"));
        await http.PostAsync(ConfigMaps, Http.ConfigMap("mine"));

        Assert.Equal("mine", Name((await watch.NextAsync())!));
    }

    [Fact]
    public async Task Dropped_watch_connections_fail_on_the_client()
    {
        await using var server = await TestServers.StartAsync();
        var http = new Http(server.CreateHttpClient());
        await using var watch = await WatchStream.OpenAsync(http.Client, $"{ConfigMaps}?watch=true&resourceVersion={server.CurrentResourceVersion}");
        await WaitUntilAsync(() => server.ActiveWatchCount == 1);

        Assert.Equal(1, server.DropWatches());

        await Assert.ThrowsAnyAsync<IOException>(() => watch.NextAsync());
        Assert.Equal(0, server.ActiveWatchCount);
    }

    [Fact]
    public async Task Closed_watches_end_cleanly()
    {
        await using var server = await TestServers.StartAsync();
        var http = new Http(server.CreateHttpClient());
        await using var watch = await WatchStream.OpenAsync(http.Client, $"{ConfigMaps}?watch=true&resourceVersion={server.CurrentResourceVersion}");
        await WaitUntilAsync(() => server.ActiveWatchCount == 1);

        server.CloseWatches();

        Assert.Null(await watch.NextAsync());
    }

    [Fact]
    public async Task Resource_version_from_the_future_is_a_504_Timeout()
    {
        await using var server = await TestServers.StartAsync();
        var http = new Http(server.CreateHttpClient());

        var r = await http.GetAsync($"{ConfigMaps}?watch=true&resourceVersion={server.CurrentResourceVersion + 100}");

        Assert.Equal(HttpStatusCode.GatewayTimeout, r.Status);
        Assert.Equal("Timeout", r.Str("reason"));
        Assert.NotNull(r.Headers.RetryAfter);
    }

    internal static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "condition not reached in 10 s");
            await Task.Delay(10, TestContext.Current.CancellationToken);
        }
    }
}
