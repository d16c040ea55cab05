using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using EcsOperator.KubeApiServer;
using Xunit;

namespace EcsOperator.Kubernetes.Tests.TestServer;

public sealed class FaultTests
{
    private const string ConfigMaps = "api/v1/namespaces/default/configmaps";

    [Fact]
    public async Task Fail_next_fails_exactly_n_matching_requests()
    {
        await using var server = await TestServers.StartAsync();
        var http = new Http(server.CreateHttpClient());
        server.FailNext(2, 500, r => r.Verb == "create");

        var first = await http.PostAsync(ConfigMaps, Http.ConfigMap("a"));
        var list = await http.GetAsync(ConfigMaps);
        var second = await http.PostAsync(ConfigMaps, Http.ConfigMap("a"));
        var third = await http.PostAsync(ConfigMaps, Http.ConfigMap("a"));

        Assert.Equal(HttpStatusCode.InternalServerError, first.Status);
        Assert.Equal("InternalError", first.Str("reason"));
        Assert.Equal("Status", first.Str("kind"));
        Assert.Equal(HttpStatusCode.OK, list.Status);
        Assert.Equal(HttpStatusCode.InternalServerError, second.Status);
        Assert.Equal(HttpStatusCode.Created, third.Status);
    }

    [Fact]
    public async Task Too_many_requests_carries_retry_after()
    {
        await using var server = await TestServers.StartAsync();
        var http = new Http(server.CreateHttpClient());
        server.FailNext(1, 429, retryAfter: TimeSpan.FromSeconds(3));

        var r = await http.GetAsync(ConfigMaps);

        Assert.Equal(HttpStatusCode.TooManyRequests, r.Status);
        Assert.Equal("TooManyRequests", r.Str("reason"));
        Assert.Equal(TimeSpan.FromSeconds(3), r.Headers.RetryAfter?.Delta);
        Assert.Equal("3", r.Str("details.retryAfterSeconds"));
    }

    [Fact]
    public async Task Injected_conflict_and_custom_status()
    {
        await using var server = await TestServers.StartAsync();
        var http = new Http(server.CreateHttpClient());
        await http.PostAsync(ConfigMaps, Http.ConfigMap("cm"));
        server.FailNext(1, KubeErrors.Conflict("", "configmaps", "cm", KubeErrors.ModifiedConflictMessage), r => r.Verb == "patch");

        var r = await http.MergePatchAsync($"{ConfigMaps}/cm", JsonNode.Parse("""{"data":{"a":"b"}}""")!);
        var retry = await http.MergePatchAsync($"{ConfigMaps}/cm", JsonNode.Parse("""{"data":{"a":"b"}}""")!);

        Assert.Equal(HttpStatusCode.Conflict, r.Status);
        Assert.Equal("Conflict", r.Str("reason"));
        Assert.Equal(HttpStatusCode.OK, retry.Status);
    }

    [Fact]
    public async Task Watch_requests_can_fail_before_the_stream_starts()
    {
        await using var server = await TestServers.StartAsync();
        var http = new Http(server.CreateHttpClient());
        server.FailNext(1, 503, r => r.Verb == "watch");

        var r = await http.GetAsync($"{ConfigMaps}?watch=true");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, r.Status);
    }

    [Fact]
    public async Task Delays_slow_matching_requests_down()
    {
        await using var server = await TestServers.StartAsync();
        var http = new Http(server.CreateHttpClient());
        server.DelayRequests(TimeSpan.FromMilliseconds(600), r => r.Verb == "list", count: 1);
        var stopwatch = Stopwatch.StartNew();

        await http.GetAsync(ConfigMaps);
        var slow = stopwatch.Elapsed;
        stopwatch.Restart();
        await http.GetAsync(ConfigMaps);

        Assert.True(slow >= TimeSpan.FromMilliseconds(580), $"first list took {slow}");
        Assert.True(stopwatch.Elapsed < TimeSpan.FromMilliseconds(580), $"second list took {stopwatch.Elapsed}");
    }

    [Fact]
    public async Task A_held_request_waits_until_its_hold_is_released_and_the_next_one_does_not()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await TestServers.StartAsync();
        var http = new Http(server.CreateHttpClient());
        await http.PostAsync(ConfigMaps, Http.ConfigMap("a"));
        await http.PostAsync(ConfigMaps, Http.ConfigMap("b"));
        var hold = server.HoldRequests(r => r.Verb == "get", count: 1);

        var held = http.GetAsync($"{ConfigMaps}/a");
        while (server.RequestCount("get") == 0)
            await Task.Delay(10, ct);
        var next = await http.GetAsync($"{ConfigMaps}/b").WaitAsync(TimeSpan.FromSeconds(10), ct); // the hold took one
        Assert.Equal(HttpStatusCode.OK, next.Status);
        Assert.False(held.IsCompleted);

        hold.Release();
        Assert.Equal(HttpStatusCode.OK, (await held.WaitAsync(TimeSpan.FromSeconds(10), ct)).Status);
    }

    [Fact]
    public async Task Request_counts_per_verb_and_resource()
    {
        await using var server = await TestServers.StartAsync();
        var http = new Http(server.CreateHttpClient());

        await http.PostAsync(ConfigMaps, Http.ConfigMap("a"));
        await http.GetAsync($"{ConfigMaps}/a");
        await http.GetAsync($"{ConfigMaps}/a");
        await http.GetAsync("apis/coordination.k8s.io/v1/namespaces/default/leases");
        await http.MergePatchAsync($"{ConfigMaps}/a/status", new JsonObject());

        Assert.Equal(1, server.RequestCount("create", "configmaps"));
        Assert.Equal(2, server.RequestCount("get", "configmaps"));
        Assert.Equal(1, server.RequestCount("list"));
        Assert.Equal(0, server.RequestCount("list", "configmaps"));
        var patch = Assert.Single(server.Requests, r => r.Verb == "patch");
        Assert.Equal(("default", "a", "status"), (patch.Namespace, patch.Name, patch.Subresource));
        server.ResetRequestLog();
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task Stored_objects_can_be_read_and_seeded_directly()
    {
        await using var server = await TestServers.StartAsync();
        var http = new Http(server.CreateHttpClient());

        var seeded = server.CreateObject("", "configmaps", Http.ConfigMap("seeded"));
        var viaHttp = await http.GetAsync($"{ConfigMaps}/seeded");

        Assert.Equal(seeded["metadata"]!["uid"]!.ToString(), viaHttp.Str("metadata.uid"));
        Assert.NotNull(server.GetObject("", "configmaps", "default", "seeded"));
        Assert.Single(server.ListObjects("", "configmaps", "default"));
        Assert.Null(server.GetObject("", "configmaps", "default", "other"));
    }
}
