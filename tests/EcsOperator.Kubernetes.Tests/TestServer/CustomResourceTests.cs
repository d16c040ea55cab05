using System.Net;
using System.Text.Json.Nodes;
using EcsOperator.KubeApiServer;
using Xunit;

namespace EcsOperator.Kubernetes.Tests.TestServer;

public sealed class CustomResourceTests
{
    private const string Widgets = Crds.Widgets;

    private static async Task<(KubeApiTestServer Server, Http Http)> StartAsync()
    {
        var server = await TestServers.StartAsync();
        server.Resources.RegisterCrdYaml(Crds.WidgetYaml);
        return (server, new Http(server.CreateHttpClient()));
    }

    private static JsonObject Widget(string name, string image = "nginx", JsonObject? status = null)
    {
        var w = new JsonObject
        {
            ["apiVersion"] = "example.com/v1",
            ["kind"] = "Widget",
            ["metadata"] = new JsonObject { ["name"] = name },
            ["spec"] = new JsonObject { ["image"] = image },
        };
        if (status is not null)
        {
            w["status"] = status;
        }

        return w;
    }

    [Fact]
    public async Task Create_sets_generation_1_and_drops_status()
    {
        var (server, http) = await StartAsync();
        await using var _ = server;

        var r = await http.PostAsync(Widgets, Widget("w", status: new JsonObject { ["phase"] = "Ready" }));

        Assert.True(HttpStatusCode.Created == r.Status, r.Body?.ToJsonString());
        Assert.Equal("1", r.Str("metadata.generation"));
        Assert.Null(r.Node("status"));
    }

    [Fact]
    public async Task Generation_bumps_on_spec_changes_only()
    {
        var (server, http) = await StartAsync();
        await using var _ = server;
        var w = (await http.PostAsync(Widgets, Widget("w"))).Object;

        w["metadata"]!["labels"] = new JsonObject { ["team"] = "a" };
        var labelled = await http.PutAsync($"{Widgets}/w", w);
        var statusOnMain = labelled.Object.DeepClone().AsObject();
        statusOnMain["status"] = new JsonObject { ["phase"] = "Ignored" };
        var afterStatusOnMain = await http.PutAsync($"{Widgets}/w", statusOnMain);
        var specChange = afterStatusOnMain.Object.DeepClone().AsObject();
        specChange["spec"]!["replicas"] = 3;
        var afterSpec = await http.PutAsync($"{Widgets}/w", specChange);

        Assert.Equal("1", labelled.Str("metadata.generation"));
        Assert.Equal("a", labelled.Str("metadata.labels.team"));
        Assert.Equal("1", afterStatusOnMain.Str("metadata.generation"));
        Assert.Null(afterStatusOnMain.Node("status"));
        Assert.Equal(labelled.Str("metadata.resourceVersion"), afterStatusOnMain.Str("metadata.resourceVersion"));
        Assert.Equal("2", afterSpec.Str("metadata.generation"));
    }

    [Fact]
    public async Task Without_status_subresource_any_non_metadata_change_bumps_generation()
    {
        await using var server = await TestServers.StartAsync();
        server.Resources.Register(ServedResource.Custom("example.com", "v1", "things", "Thing", hasStatus: false));
        var http = new Http(server.CreateHttpClient());
        const string things = "apis/example.com/v1/namespaces/default/things";
        var created = await http.PostAsync(things, new JsonObject
        {
            ["metadata"] = new JsonObject { ["name"] = "t" },
            ["status"] = new JsonObject { ["phase"] = "kept" },
        });

        var patched = await http.MergePatchAsync($"{things}/t", JsonNode.Parse("""{"status":{"phase":"changed"}}""")!);

        Assert.Equal("kept", created.Str("status.phase"));
        Assert.Equal("changed", patched.Str("status.phase"));
        Assert.Equal("2", patched.Str("metadata.generation"));
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync($"{things}/t/status")).Status);
    }

    [Fact]
    public async Task Status_writes_change_only_status_and_keep_generation()
    {
        var (server, http) = await StartAsync();
        await using var _ = server;
        var w = (await http.PostAsync(Widgets, Widget("w"))).Object;
        w["status"] = new JsonObject { ["phase"] = "Ready", ["observedGeneration"] = 1 };
        w["spec"]!["image"] = "ignored";
        w["metadata"]!["labels"] = new JsonObject { ["ignored"] = "yes" };

        var r = await http.PutAsync($"{Widgets}/w/status", w);
        var got = await http.GetAsync($"{Widgets}/w/status");

        Assert.Equal(HttpStatusCode.OK, r.Status);
        Assert.Equal("Ready", r.Str("status.phase"));
        Assert.Equal("nginx", r.Str("spec.image"));
        Assert.Null(r.Node("metadata.labels"));
        Assert.Equal("1", r.Str("metadata.generation"));
        Assert.Equal("Ready", got.Str("status.phase"));
    }

    [Fact]
    public async Task Status_merge_patch_and_stale_status_update_conflict()
    {
        var (server, http) = await StartAsync();
        await using var _ = server;
        var w = (await http.PostAsync(Widgets, Widget("w"))).Object;

        var patched = await http.MergePatchAsync($"{Widgets}/w/status", JsonNode.Parse("""{"status":{"phase":"Pending"}}""")!);
        w["status"] = new JsonObject { ["phase"] = "Stale" };
        var stale = await http.PutAsync($"{Widgets}/w/status", w);

        Assert.Equal("Pending", patched.Str("status.phase"));
        Assert.Equal(HttpStatusCode.Conflict, stale.Status);
        Assert.Equal("Operation cannot be fulfilled on widgets.example.com \"w\": the object has been modified; please apply your changes to the latest version and try again", stale.Str("message"));
        Assert.Equal("example.com", stale.Str("details.group"));
    }

    [Fact]
    public async Task Custom_resource_replace_requires_a_resource_version()
    {
        var (server, http) = await StartAsync();
        await using var _ = server;
        await http.PostAsync(Widgets, Widget("w"));

        var r = await http.PutAsync($"{Widgets}/w", Widget("w", "redis"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, r.Status);
        Assert.Equal("widgets.example.com \"w\" is invalid: metadata.resourceVersion: Invalid value: 0: must be specified for an update", r.Str("message"));
    }

    [Fact]
    public async Task Finalizers_hold_deletion_until_the_last_one_is_removed()
    {
        var (server, http) = await StartAsync();
        await using var _ = server;
        var body = Widget("w");
        body["metadata"]!["finalizers"] = new JsonArray("example.com/a", "example.com/b");
        await http.PostAsync(Widgets, body);
        await using var watch = await WatchStream.OpenAsync(http.Client, $"{Widgets}?watch=true&resourceVersion={server.CurrentResourceVersion}");

        var deleting = await http.DeleteAsync($"{Widgets}/w");
        var again = await http.DeleteAsync($"{Widgets}/w");
        var addFinalizer = deleting.Object.DeepClone().AsObject();
        addFinalizer["metadata"]!["finalizers"]!.AsArray().Add("example.com/c");
        var rejected = await http.PutAsync($"{Widgets}/w", addFinalizer);
        var removeOne = await http.JsonPatchAsync($"{Widgets}/w", JsonNode.Parse("""
            [{"op":"test","path":"/metadata/finalizers/0","value":"example.com/a"},{"op":"remove","path":"/metadata/finalizers/0"}]
            """)!);
        var removeLast = await http.MergePatchAsync($"{Widgets}/w", JsonNode.Parse("""{"metadata":{"finalizers":null}}""")!);

        Assert.Equal(HttpStatusCode.OK, deleting.Status);
        Assert.Equal("Widget", deleting.Str("kind"));
        Assert.NotNull(deleting.Str("metadata.deletionTimestamp"));
        Assert.Equal("0", deleting.Str("metadata.deletionGracePeriodSeconds"));
        Assert.Equal("2", deleting.Str("metadata.generation"));
        Assert.Equal(deleting.Str("metadata.resourceVersion"), again.Str("metadata.resourceVersion"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, rejected.Status);
        Assert.Equal("metadata.finalizers", rejected.Str("details.causes.0.field"));
        Assert.Equal("FieldValueForbidden", rejected.Str("details.causes.0.reason"));
        Assert.Contains("no new finalizers can be added if the object is being deleted", rejected.Str("message"));
        Assert.Equal(HttpStatusCode.OK, removeOne.Status);
        Assert.Equal(deleting.Str("metadata.deletionTimestamp"), removeOne.Str("metadata.deletionTimestamp"));
        Assert.Equal(HttpStatusCode.OK, removeLast.Status);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync($"{Widgets}/w")).Status);

        Assert.Equal(removeOne.Str("metadata.resourceVersion"), removeLast.Str("metadata.resourceVersion"));
        Assert.Null(removeLast.Node("metadata.finalizers"));

        var events = new List<JsonObject>();
        for (var i = 0; i < 3; i++)
        {
            events.Add((await watch.NextAsync())!);
        }

        Assert.Equal(["MODIFIED", "MODIFIED", "DELETED"], events.Select(e => (string)e["type"]!));
        var deletedEvent = events[2]["object"]!;
        Assert.Equal("example.com/b", (string?)deletedEvent["metadata"]!["finalizers"]![0]);
        Assert.True(long.Parse((string)deletedEvent["metadata"]!["resourceVersion"]!) > long.Parse(removeOne.Str("metadata.resourceVersion")!));
    }

    [Fact]
    public async Task Deletion_timestamp_cannot_be_set_by_an_update()
    {
        var (server, http) = await StartAsync();
        await using var _ = server;
        var w = (await http.PostAsync(Widgets, Widget("w"))).Object;
        w["metadata"]!["deletionTimestamp"] = "2030-01-01T00:00:00Z";

        var r = await http.PutAsync($"{Widgets}/w", w);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, r.Status);
        Assert.Equal("metadata.deletionTimestamp", r.Str("details.causes.0.field"));
    }

    [Fact]
    public async Task Schema_defaults_are_applied_nested_and_in_array_items()
    {
        var (server, http) = await StartAsync();
        await using var _ = server;
        var body = Widget("w");
        body["spec"]!["containers"] = JsonNode.Parse("""[{"name":"app"},{"name":"sidecar","essential":false,"resources":{"cpu":512}}]""");
        body["spec"]!["extra"] = new JsonObject();

        var r = await http.PostAsync(Widgets, body);

        Assert.Equal(HttpStatusCode.Created, r.Status);
        Assert.Equal("1", r.Str("spec.replicas"));
        Assert.Equal("FARGATE", r.Str("spec.launchType"));
        Assert.Equal("true", r.Str("spec.containers.0.essential"));
        Assert.Equal("256", r.Str("spec.containers.0.resources.cpu"));
        Assert.Equal("false", r.Str("spec.containers.1.essential"));
        Assert.Equal("512", r.Str("spec.containers.1.resources.cpu"));
        Assert.Equal("k", r.Str("spec.extra.known"));
    }

    [Fact]
    public async Task Null_for_a_non_nullable_field_gets_the_default()
    {
        var (server, http) = await StartAsync();
        await using var _ = server;
        var body = Widget("w");
        body["spec"]!["replicas"] = null;

        var r = await http.PostAsync(Widgets, body);

        Assert.Equal("1", r.Str("spec.replicas"));
    }

    [Fact]
    public async Task Unknown_fields_are_pruned_unless_preserved()
    {
        var (server, http) = await StartAsync();
        await using var _ = server;
        var body = Widget("w");
        body["spec"]!["bogus"] = "x";
        body["topLevel"] = 1;
        body["spec"]!["extra"] = JsonNode.Parse("""{"anything":{"goes":true}}""");

        var r = await http.PostAsync(Widgets, body);

        Assert.Null(r.Node("spec.bogus"));
        Assert.Null(r.Node("topLevel"));
        Assert.Equal("true", r.Str("spec.extra.anything.goes"));
    }

    [Fact]
    public async Task Unknown_fields_are_warned_about_by_default_rejected_when_strict_and_silent_when_ignored()
    {
        var (server, http) = await StartAsync();
        await using var _ = server;
        var body = Widget("w");
        body["spec"]!["bogus"] = "x";
        body["spec"]!["containers"] = JsonNode.Parse("""[{"name":"a","typo":1}]""");

        using var warned = await http.Client.SendAsync(Request(HttpMethod.Post, Widgets, body), TestContext.Current.CancellationToken);
        var strict = await http.PostAsync($"{Widgets}?fieldValidation=Strict", Widget("s").Also(w => w["spec"]!["bogus"] = 1));
        using var ignored = await http.Client.SendAsync(Request(HttpMethod.Post, $"{Widgets}?fieldValidation=Ignore", Widget("i").Also(w => w["spec"]!["bogus"] = 1)), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Created, warned.StatusCode);
        Assert.Equal(["299 - \"unknown field \\\"spec.bogus\\\"\"", "299 - \"unknown field \\\"spec.containers[0].typo\\\"\""],
            warned.Headers.GetValues("Warning").Order(StringComparer.Ordinal));
        Assert.Equal(HttpStatusCode.BadRequest, strict.Status);
        Assert.Equal("strict decoding error: unknown field \"spec.bogus\"", strict.Str("message"));
        Assert.Null(server.GetObject("example.com", "widgets", "default", "s"));
        Assert.Equal(HttpStatusCode.Created, ignored.StatusCode);
        Assert.False(ignored.Headers.Contains("Warning"));
    }

    private static HttpRequestMessage Request(HttpMethod method, string path, JsonNode body) =>
        new(method, path) { Content = new StringContent(body.ToJsonString(), System.Text.Encoding.UTF8, "application/json") };

    [Fact]
    public async Task Schema_violations_are_422_with_kube_field_errors()
    {
        var (server, http) = await StartAsync();
        await using var _ = server;
        var body = Widget("w", "UPPER");
        var spec = body["spec"]!.AsObject();
        spec["replicas"] = "three";
        spec["launchType"] = "EXTERNAL";
        spec["ratio"] = 1;
        spec["port"] = true;
        spec["tags"] = new JsonObject { ["k"] = "toolong" };
        spec["containers"] = JsonNode.Parse("""[{"essential":true},{"name":"a"},{"name":"b"}]""");

        var r = await http.PostAsync(Widgets, body);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, r.Status);
        Assert.Equal("Invalid", r.Str("reason"));
        Assert.Equal("Widget", r.Str("details.kind"));
        Assert.Equal("example.com", r.Str("details.group"));
        Assert.StartsWith("Widget.example.com \"w\" is invalid: [", r.Str("message"));
        var causes = r.Node("details.causes")!.AsArray().Select(c => ((string?)c!["field"], (string?)c["reason"], (string?)c["message"])).ToList();
        Assert.Contains(("spec.image", "FieldValueInvalid", "Invalid value: \"UPPER\": spec.image in body should match '^[a-z0-9./:-]+$'"), causes);
        Assert.Contains(("spec.replicas", "FieldValueTypeInvalid", "Invalid value: \"string\": spec.replicas in body must be of type integer: \"string\""), causes);
        Assert.Contains(("spec.launchType", "FieldValueNotSupported", "Unsupported value: \"EXTERNAL\": supported values: \"EC2\", \"FARGATE\""), causes);
        Assert.Contains(("spec.ratio", "FieldValueInvalid", "Invalid value: 1: spec.ratio in body should be less than 1"), causes);
        Assert.Contains(("spec.port", "FieldValueTypeInvalid", "Invalid value: \"boolean\": spec.port in body must be of type integer,string: \"boolean\""), causes);
        Assert.Contains(("spec.tags.k", "FieldValueTooLong", "Too long: may not be more than 5 bytes"), causes);
        Assert.Contains(("spec.containers", "FieldValueTooMany", "Too many: 3: must have at most 2 items"), causes);
        Assert.Contains(("spec.containers[0].name", "FieldValueRequired", "Required value"), causes);
        Assert.Contains("spec.replicas: Invalid value: \"string\": spec.replicas in body must be of type integer: \"string\"", r.Str("message"));
    }

    [Fact]
    public async Task Range_length_and_required_violations()
    {
        var (server, http) = await StartAsync();
        await using var _ = server;
        var body = Widget("w", "");
        body["spec"]!["replicas"] = 11;
        body["spec"]!["containers"] = new JsonArray();
        var noSpec = new JsonObject { ["metadata"] = new JsonObject { ["name"] = "x" }, ["spec"] = new JsonObject() };

        var r = await http.PostAsync(Widgets, body);
        var missing = await http.PostAsync(Widgets, noSpec);
        var negative = await http.PostAsync(Widgets, JsonNode.Parse("""{"metadata":{"name":"n"},"spec":{"image":"x","replicas":-1}}""")!);

        var messages = r.Node("details.causes")!.AsArray().Select(c => $"{c!["field"]}: {c["message"]}").ToList();
        Assert.Contains("spec.image: Invalid value: \"\": spec.image in body should be at least 1 chars long", messages);
        Assert.Contains("spec.replicas: Invalid value: 11: spec.replicas in body should be less than or equal to 10", messages);
        Assert.Contains("spec.containers: Invalid value: 0: spec.containers in body should have at least 1 items", messages);
        Assert.Equal("Widget.example.com \"x\" is invalid: spec.image: Required value", missing.Str("message"));
        Assert.Equal("spec.replicas: Invalid value: -1: spec.replicas in body should be greater than or equal to 0",
            $"{negative.Str("details.causes.0.field")}: {negative.Str("details.causes.0.message")}");
    }

    [Fact]
    public async Task Schema_applies_to_updates_and_patches_too()
    {
        var (server, http) = await StartAsync();
        await using var _ = server;
        await http.PostAsync(Widgets, Widget("w"));

        var r = await http.MergePatchAsync($"{Widgets}/w", JsonNode.Parse("""{"spec":{"replicas":100}}""")!);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, r.Status);
        Assert.Equal("spec.replicas", r.Str("details.causes.0.field"));
    }

    [Fact]
    public async Task Every_served_version_shares_storage_and_unserved_versions_are_absent()
    {
        var (server, http) = await StartAsync();
        await using var _ = server;
        await http.PostAsync(Widgets, Widget("w"));

        var beta = await http.GetAsync("apis/example.com/v1beta1/namespaces/default/widgets/w");
        var v0 = await http.GetAsync("apis/example.com/v0/namespaces/default/widgets/w");
        var list = await http.GetAsync("apis/example.com/v1/widgets");

        Assert.Equal("example.com/v1beta1", beta.Str("apiVersion"));
        Assert.Equal("nginx", beta.Str("spec.image"));
        Assert.Equal(HttpStatusCode.NotFound, v0.Status);
        Assert.Equal("WidgetList", list.Str("kind"));
        Assert.Equal("Widget", list.Str("items.0.kind"));
    }

    [Fact]
    public async Task Cluster_scoped_custom_resources_have_no_namespace()
    {
        var (server, http) = await StartAsync();
        await using var _ = server;

        var created = await http.PostAsync("apis/example.com/v1/gadgets", JsonNode.Parse("""{"metadata":{"name":"g"},"spec":{"free":"form"}}""")!);
        var namespacedPath = await http.GetAsync("apis/example.com/v1/namespaces/default/gadgets/g");

        Assert.Equal(HttpStatusCode.Created, created.Status);
        Assert.Null(created.Node("metadata.namespace"));
        Assert.Equal("form", created.Str("spec.free"));
        Assert.Equal(HttpStatusCode.NotFound, namespacedPath.Status);
    }

    [Fact]
    public async Task Discovery_lists_crd_resources_with_subresources()
    {
        var (server, http) = await StartAsync();
        await using var _ = server;

        var list = await http.GetAsync("apis/example.com/v1");
        var group = await http.GetAsync("apis/example.com");

        var names = list.Node("resources")!.AsArray().Select(r => (string?)r!["name"]).ToList();
        Assert.Contains("widgets", names);
        Assert.Contains("widgets/status", names);
        Assert.Contains("gadgets", names);
        Assert.DoesNotContain("gadgets/status", names);
        Assert.Equal("APIGroup", group.Str("kind"));
    }

    [Fact]
    public async Task Crd_file_in_options_is_registered_at_start()
    {
        var file = Path.Combine(Path.GetTempPath(), $"crd-{Guid.NewGuid():N}.yaml");
        await File.WriteAllTextAsync(file, Crds.WidgetYaml, TestContext.Current.CancellationToken);
        try
        {
            await using var server = await TestServers.StartAsync(new KubeApiTestServerOptions { CrdFiles = [file] });
            var r = await new Http(server.CreateHttpClient()).PostAsync(Widgets, Widget("w"));
            Assert.Equal(HttpStatusCode.Created, r.Status);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Yaml_without_a_crd_is_rejected()
    {
        await using var server = await TestServers.StartAsync();

        Assert.Throws<ArgumentException>(() => server.Resources.RegisterCrdYaml("apiVersion: v1\nkind: ConfigMap\n"));
    }
}

internal static class JsonObjectExtensions
{
    public static JsonObject Also(this JsonObject obj, Action<JsonObject> change)
    {
        change(obj);
        return obj;
    }
}
