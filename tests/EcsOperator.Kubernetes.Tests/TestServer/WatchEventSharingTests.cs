using System.Net;
using System.Text.Json.Nodes;
using Xunit;

namespace EcsOperator.Kubernetes.Tests.TestServer;

/// <summary>
/// The server writes each stored change once per served version and every watcher of that version sends the same
/// bytes: each watcher must still get its own version's form of that change, with the resourceVersion the write returned.
/// </summary>
public sealed class WatchEventSharingTests
{
    private const string WidgetsV1 = Crds.Widgets;
    private const string WidgetsBeta = "apis/example.com/v1beta1/namespaces/default/widgets";
    private const string ConfigMaps = "api/v1/namespaces/default/configmaps";
    private const string CoreEvents = "api/v1/namespaces/default/events";
    private const string NewEvents = "apis/events.k8s.io/v1/namespaces/default/events";

    private static async Task<List<JsonObject>> NextAsync(WatchStream watch, int count)
    {
        var events = new List<JsonObject>();
        for (var i = 0; i < count; i++)
        {
            events.Add(await watch.NextAsync() ?? throw new InvalidOperationException($"the watch ended after {i} events"));
        }

        return events;
    }

    private static string? Rv(JsonNode? obj) => (string?)obj?["metadata"]?["resourceVersion"];

    [Fact]
    public async Task Each_watched_version_gets_every_change_in_its_own_form_with_the_resource_version_of_that_write()
    {
        await using var server = await TestServers.StartAsync();
        server.Resources.RegisterCrdYaml(Crds.WidgetYaml);
        var http = new Http(server.CreateHttpClient());
        await using var v1 = await WatchStream.OpenAsync(http.Client, $"{WidgetsV1}?watch=true");
        await using var v1Again = await WatchStream.OpenAsync(http.Client, $"{WidgetsV1}?watch=true");
        await using var beta = await WatchStream.OpenAsync(http.Client, $"{WidgetsBeta}?watch=true");

        var created = await http.PostAsync(WidgetsV1, JsonNode.Parse("""{"apiVersion":"example.com/v1","kind":"Widget","metadata":{"name":"w"},"spec":{"image":"nginx"}}""")!);
        var patched = await http.MergePatchAsync($"{WidgetsBeta}/w", JsonNode.Parse("""{"spec":{"image":"busybox"}}""")!);
        var status = patched.Object.DeepClone().AsObject();
        status["apiVersion"] = "example.com/v1";
        status["status"] = new JsonObject { ["phase"] = "Running" };
        var statusWritten = await http.PutAsync($"{WidgetsV1}/w/status", status);
        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.OK, HttpStatusCode.OK), (created.Status, patched.Status, statusWritten.Status));

        var writes = new[] { created.Object, patched.Object, statusWritten.Object };
        foreach (var (watch, apiVersion) in new[] { (v1, "example.com/v1"), (v1Again, "example.com/v1"), (beta, "example.com/v1beta1") })
        {
            var events = await NextAsync(watch, 3);
            Assert.Equal(["ADDED", "MODIFIED", "MODIFIED"], events.Select(e => (string?)e["type"]));
            Assert.All(events, e => Assert.Equal(apiVersion, (string?)e["object"]!["apiVersion"]));
            Assert.Equal(writes.Select(Rv), events.Select(e => Rv(e["object"])));
            Assert.Equal(["nginx", "busybox", "busybox"], events.Select(e => (string?)e["object"]!["spec"]!["image"]));
            Assert.Equal([null, null, "Running"], events.Select(e => (string?)e["object"]!["status"]?["phase"]));
            Assert.Equal([1L, 2L, 2L], events.Select(e => (long?)e["object"]!["metadata"]!["generation"]));
            for (var i = 0; i < writes.Length; i++)
            {
                // The response of a write through this version is exactly what this version's watchers were sent.
                if ((string?)writes[i]["apiVersion"] == apiVersion)
                {
                    Assert.True(JsonNode.DeepEquals(writes[i], events[i]["object"]), $"event {i}: {events[i]["object"]!.ToJsonString()} != response {writes[i].ToJsonString()}");
                }
            }
        }
    }

    [Fact]
    public async Task Core_and_events_k8s_io_watchers_of_one_event_each_get_their_own_field_names()
    {
        await using var server = await TestServers.StartAsync();
        var http = new Http(server.CreateHttpClient());
        await using var core = await WatchStream.OpenAsync(http.Client, $"{CoreEvents}?watch=true");
        await using var events = await WatchStream.OpenAsync(http.Client, $"{NewEvents}?watch=true");

        var created = await http.PostAsync(NewEvents, OperatorEvents.CreatedService("first note"));
        var asCore = (await http.GetAsync($"{CoreEvents}/web.1")).Object;
        asCore["message"] = "second note";
        var updated = await http.PutAsync($"{CoreEvents}/web.1", asCore);
        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.OK), (created.Status, updated.Status));

        var coreEvents = await NextAsync(core, 2);
        var newEvents = await NextAsync(events, 2);
        Assert.Equal(["first note", "second note"], coreEvents.Select(e => (string?)e["object"]!["message"]));
        Assert.All(coreEvents, e => Assert.Equal(("v1", "web", null, null),
            ((string?)e["object"]!["apiVersion"], (string?)e["object"]!["involvedObject"]?["name"], e["object"]!["note"], e["object"]!["regarding"])));
        Assert.Equal(["first note", "second note"], newEvents.Select(e => (string?)e["object"]!["note"]));
        Assert.All(newEvents, e => Assert.Equal(("events.k8s.io/v1", "web", null, null),
            ((string?)e["object"]!["apiVersion"], (string?)e["object"]!["regarding"]?["name"], e["object"]!["message"], e["object"]!["involvedObject"])));
        Assert.Equal([Rv(created.Object), Rv(updated.Object)], coreEvents.Select(e => Rv(e["object"])));
        Assert.Equal([Rv(created.Object), Rv(updated.Object)], newEvents.Select(e => Rv(e["object"])));
        Assert.True(JsonNode.DeepEquals(created.Object, newEvents[0]["object"]), "the events.k8s.io watcher got the create's response");
        Assert.True(JsonNode.DeepEquals(updated.Object, coreEvents[1]["object"]), "the core watcher got the update's response");
    }

    [Fact]
    public async Task A_dry_run_or_unchanged_update_answers_with_the_stored_resource_version_and_sends_no_event()
    {
        await using var server = await TestServers.StartAsync();
        var http = new Http(server.CreateHttpClient());
        var created = (await http.PostAsync(ConfigMaps, Http.ConfigMap("cm", new JsonObject { ["k"] = "v1" }))).Object;
        await using var watch = await WatchStream.OpenAsync(http.Client, $"{ConfigMaps}?watch=true&resourceVersion={Rv(created)}");

        var changed = created.DeepClone().AsObject();
        changed["data"] = new JsonObject { ["k"] = "dry" };
        var dryRun = await http.PutAsync($"{ConfigMaps}/cm?dryRun=All", changed);
        var unchanged = await http.PutAsync($"{ConfigMaps}/cm", created);
        changed["data"] = new JsonObject { ["k"] = "v2" };
        var stored = await http.PutAsync($"{ConfigMaps}/cm", changed);

        Assert.Equal((HttpStatusCode.OK, "dry", Rv(created)), (dryRun.Status, dryRun.Str("data.k"), Rv(dryRun.Object)));
        Assert.Equal((HttpStatusCode.OK, "v1", Rv(created)), (unchanged.Status, unchanged.Str("data.k"), Rv(unchanged.Object)));
        Assert.True(long.Parse(Rv(stored.Object)!) > long.Parse(Rv(created)!));
        var next = (await watch.NextAsync())!;
        Assert.Equal(("MODIFIED", "v2", Rv(stored.Object)), ((string?)next["type"], (string?)next["object"]!["data"]!["k"], Rv(next["object"])));
        Assert.Equal("v2", (string?)server.GetObject("", "configmaps", "default", "cm")!["data"]!["k"]);
    }
}
