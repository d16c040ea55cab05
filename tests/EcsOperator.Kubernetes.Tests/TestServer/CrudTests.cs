using System.Net;
using System.Text.Json.Nodes;
using EcsOperator.KubeApiServer;
using Xunit;

namespace EcsOperator.Kubernetes.Tests.TestServer;

public sealed class CrudTests
{
    private const string ConfigMaps = "api/v1/namespaces/default/configmaps";

    [Fact]
    public async Task Create_fills_system_metadata_and_get_returns_the_stored_object()
    {
        await using var server = await TestServers.StartAsync();
        var http = new Http(server.CreateHttpClient());

        var created = await http.PostAsync(ConfigMaps, Http.ConfigMap("web", new JsonObject { ["a"] = "1" }));

        Assert.Equal(HttpStatusCode.Created, created.Status);
        Assert.Equal("default", created.Str("metadata.namespace"));
        Assert.True(Guid.TryParse(created.Str("metadata.uid"), out _));
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$", created.Str("metadata.creationTimestamp"));
        Assert.True(long.Parse(created.Str("metadata.resourceVersion")!) > 1000);
        Assert.Null(created.Node("metadata.generation"));

        var got = await http.GetAsync($"{ConfigMaps}/web");
        Assert.Equal(HttpStatusCode.OK, got.Status);
        Assert.True(JsonNode.DeepEquals(created.Body, got.Body));
        Assert.Equal("ConfigMap", got.Str("kind"));
        Assert.Equal("v1", got.Str("apiVersion"));
    }

    [Fact]
    public async Task Every_write_gets_a_higher_resource_version_across_kinds()
    {
        await using var server = await TestServers.StartAsync();
        var http = new Http(server.CreateHttpClient());

        var a = await http.PostAsync(ConfigMaps, Http.ConfigMap("a"));
        var lease = await http.PostAsync("apis/coordination.k8s.io/v1/namespaces/default/leases",
            new JsonObject { ["metadata"] = new JsonObject { ["name"] = "leader" }, ["spec"] = new JsonObject { ["holderIdentity"] = "me" } });
        var b = await http.PostAsync(ConfigMaps, Http.ConfigMap("b"));

        var rvs = new[] { a, lease, b }.Select(r => long.Parse(r.Str("metadata.resourceVersion")!)).ToArray();
        Assert.Equal(rvs.Order(), rvs);
        Assert.Equal(3, rvs.Distinct().Count());
        Assert.Equal(rvs[2], server.CurrentResourceVersion);
    }

    [Fact]
    public async Task Missing_object_is_a_NotFound_status_like_kube()
    {
        await using var server = await TestServers.StartAsync();
        var http = new Http(server.CreateHttpClient());

        var r = await http.GetAsync($"{ConfigMaps}/nope");

        Assert.Equal(HttpStatusCode.NotFound, r.Status);
        var expected = JsonNode.Parse("""
            {"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"configmaps \"nope\" not found",
             "reason":"NotFound","details":{"name":"nope","kind":"configmaps"},"code":404}
            """);
        Assert.True(JsonNode.DeepEquals(expected, r.Body), r.Body?.ToJsonString());
    }

    [Fact]
    public async Task Unknown_resource_is_NotFound_without_a_name()
    {
        await using var server = await TestServers.StartAsync();
        var http = new Http(server.CreateHttpClient());

        var r = await http.GetAsync("apis/example.com/v1/namespaces/default/widgets");

        Assert.Equal(HttpStatusCode.NotFound, r.Status);
        Assert.Equal("the server could not find the requested resource", r.Str("message"));
        Assert.Equal("NotFound", r.Str("reason"));
    }

    [Fact]
    public async Task Creating_twice_is_AlreadyExists()
    {
        await using var server = await TestServers.StartAsync();
        var http = new Http(server.CreateHttpClient());
        await http.PostAsync(ConfigMaps, Http.ConfigMap("dup"));

        var r = await http.PostAsync(ConfigMaps, Http.ConfigMap("dup"));

        Assert.Equal(HttpStatusCode.Conflict, r.Status);
        Assert.Equal("AlreadyExists", r.Str("reason"));
        Assert.Equal("configmaps \"dup\" already exists", r.Str("message"));
        Assert.Equal(409, (int)r.Node("code")!);
    }

    [Fact]
    public async Task GenerateName_appends_five_random_characters()
    {
        await using var server = await TestServers.StartAsync();
        var http = new Http(server.CreateHttpClient());
        var body = new JsonObject { ["metadata"] = new JsonObject { ["generateName"] = "job-" } };

        var first = await http.PostAsync(ConfigMaps, body);
        var second = await http.PostAsync(ConfigMaps, body.DeepClone());

        Assert.Matches("^job-[bcdfghjklmnpqrstvwxz2456789]{5}$", first.Str("metadata.name"));
        Assert.NotEqual(first.Str("metadata.name"), second.Str("metadata.name"));
    }

    [Fact]
    public async Task Invalid_name_is_422_Invalid_with_a_field_cause()
    {
        await using var server = await TestServers.StartAsync();
        var http = new Http(server.CreateHttpClient());

        var r = await http.PostAsync(ConfigMaps, Http.ConfigMap("Bad_Name"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, r.Status);
        Assert.Equal("Invalid", r.Str("reason"));
        Assert.StartsWith("ConfigMap \"Bad_Name\" is invalid: metadata.name: Invalid value: \"Bad_Name\": a lowercase RFC 1123 subdomain", r.Str("message"));
        Assert.Equal("FieldValueInvalid", r.Str("details.causes.0.reason"));
        Assert.Equal("metadata.name", r.Str("details.causes.0.field"));
        Assert.Equal("ConfigMap", r.Str("details.kind"));
    }

    [Fact]
    public async Task Missing_name_and_generateName_is_Required()
    {
        await using var server = await TestServers.StartAsync();
        var http = new Http(server.CreateHttpClient());

        var r = await http.PostAsync(ConfigMaps, new JsonObject { ["data"] = new JsonObject() });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, r.Status);
        Assert.Equal("FieldValueRequired", r.Str("details.causes.0.reason"));
        Assert.Equal("Required value: name or generateName is required", r.Str("details.causes.0.message"));
    }

    [Fact]
    public async Task Namespace_in_body_must_match_the_url()
    {
        await using var server = await TestServers.StartAsync();
        var http = new Http(server.CreateHttpClient());
        var body = Http.ConfigMap("x");
        body["metadata"]!["namespace"] = "other";

        var r = await http.PostAsync(ConfigMaps, body);

        Assert.Equal(HttpStatusCode.BadRequest, r.Status);
        Assert.Equal("the namespace of the provided object does not match the namespace sent on the request", r.Str("message"));
    }

    [Fact]
    public async Task Missing_namespace_is_created_on_demand_by_default()
    {
        await using var server = await TestServers.StartAsync();
        var http = new Http(server.CreateHttpClient());

        var r = await http.PostAsync("api/v1/namespaces/shop/configmaps", Http.ConfigMap("x"));

        Assert.Equal(HttpStatusCode.Created, r.Status);
        var ns = await http.GetAsync("api/v1/namespaces/shop");
        Assert.Equal("Active", ns.Str("status.phase"));
    }

    [Fact]
    public async Task Missing_namespace_is_NotFound_when_auto_create_is_off()
    {
        await using var server = await TestServers.StartAsync(new KubeApiTestServerOptions { AutoCreateNamespaces = false });
        var http = new Http(server.CreateHttpClient());

        var r = await http.PostAsync("api/v1/namespaces/shop/configmaps", Http.ConfigMap("x"));

        Assert.Equal(HttpStatusCode.NotFound, r.Status);
        Assert.Equal("namespaces \"shop\" not found", r.Str("message"));
        Assert.Equal("namespaces", r.Str("details.kind"));
    }

    [Fact]
    public async Task Replace_with_a_stale_resource_version_is_Conflict()
    {
        await using var server = await TestServers.StartAsync();
        var http = new Http(server.CreateHttpClient());
        var created = (await http.PostAsync(ConfigMaps, Http.ConfigMap("cm"))).Object;
        var first = created.DeepClone().AsObject();
        first["data"] = new JsonObject { ["v"] = "1" };
        Assert.Equal(HttpStatusCode.OK, (await http.PutAsync($"{ConfigMaps}/cm", first)).Status);

        var stale = created.DeepClone().AsObject();
        stale["data"] = new JsonObject { ["v"] = "2" };
        var r = await http.PutAsync($"{ConfigMaps}/cm", stale);

        Assert.Equal(HttpStatusCode.Conflict, r.Status);
        Assert.Equal("Conflict", r.Str("reason"));
        Assert.Equal("Operation cannot be fulfilled on configmaps \"cm\": the object has been modified; please apply your changes to the latest version and try again", r.Str("message"));
        Assert.Equal("1", (await http.GetAsync($"{ConfigMaps}/cm")).Str("data.v"));
    }

    [Fact]
    public async Task ConfigMap_replace_without_resource_version_is_unconditional()
    {
        await using var server = await TestServers.StartAsync();
        var http = new Http(server.CreateHttpClient());
        await http.PostAsync(ConfigMaps, Http.ConfigMap("cm"));

        var r = await http.PutAsync($"{ConfigMaps}/cm", Http.ConfigMap("cm", new JsonObject { ["k"] = "v" }));

        Assert.Equal(HttpStatusCode.OK, r.Status);
        Assert.Equal("v", r.Str("data.k"));
    }

    [Fact]
    public async Task Replace_of_a_missing_object_is_NotFound()
    {
        await using var server = await TestServers.StartAsync();
        var http = new Http(server.CreateHttpClient());

        var r = await http.PutAsync($"{ConfigMaps}/ghost", Http.ConfigMap("ghost"));

        Assert.Equal(HttpStatusCode.NotFound, r.Status);
    }

    [Fact]
    public async Task Replace_cannot_change_uid_or_creation_timestamp()
    {
        await using var server = await TestServers.StartAsync();
        var http = new Http(server.CreateHttpClient());
        var created = (await http.PostAsync(ConfigMaps, Http.ConfigMap("cm"))).Object;
        var changed = created.DeepClone().AsObject();
        changed["metadata"]!["creationTimestamp"] = "2001-01-01T00:00:00Z";
        changed["metadata"]!["uid"] = Guid.NewGuid().ToString();

        var r = await http.PutAsync($"{ConfigMaps}/cm", changed);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, r.Status);
        Assert.Equal("metadata.uid", r.Str("details.causes.0.field"));
        Assert.Contains("field is immutable", r.Str("message"));
    }

    [Fact]
    public async Task No_op_replace_keeps_the_resource_version()
    {
        await using var server = await TestServers.StartAsync();
        var http = new Http(server.CreateHttpClient());
        var created = (await http.PostAsync(ConfigMaps, Http.ConfigMap("cm", new JsonObject { ["a"] = "b" }))).Object;
        var before = server.CurrentResourceVersion;

        var r = await http.PutAsync($"{ConfigMaps}/cm", created);

        Assert.Equal(HttpStatusCode.OK, r.Status);
        Assert.Equal(created["metadata"]!["resourceVersion"]!.ToString(), r.Str("metadata.resourceVersion"));
        Assert.Equal(before, server.CurrentResourceVersion);
    }

    [Fact]
    public async Task Delete_without_finalizers_removes_and_returns_a_Success_status()
    {
        await using var server = await TestServers.StartAsync();
        var http = new Http(server.CreateHttpClient());
        var created = await http.PostAsync(ConfigMaps, Http.ConfigMap("cm"));

        var r = await http.DeleteAsync($"{ConfigMaps}/cm");

        Assert.Equal(HttpStatusCode.OK, r.Status);
        Assert.Equal("Success", r.Str("status"));
        Assert.Equal("cm", r.Str("details.name"));
        Assert.Equal(created.Str("metadata.uid"), r.Str("details.uid"));
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync($"{ConfigMaps}/cm")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await http.DeleteAsync($"{ConfigMaps}/cm")).Status);
    }

    [Fact]
    public async Task Delete_preconditions_that_do_not_match_are_Conflict()
    {
        await using var server = await TestServers.StartAsync();
        var http = new Http(server.CreateHttpClient());
        var created = await http.PostAsync(ConfigMaps, Http.ConfigMap("cm"));

        var wrongUid = await http.DeleteAsync($"{ConfigMaps}/cm", new JsonObject
        {
            ["kind"] = "DeleteOptions", ["apiVersion"] = "v1",
            ["preconditions"] = new JsonObject { ["uid"] = "not-the-uid" },
        });
        var wrongRv = await http.DeleteAsync($"{ConfigMaps}/cm", new JsonObject
        {
            ["preconditions"] = new JsonObject { ["resourceVersion"] = "1" },
        });
        var right = await http.DeleteAsync($"{ConfigMaps}/cm", new JsonObject
        {
            ["preconditions"] = new JsonObject { ["uid"] = created.Str("metadata.uid"), ["resourceVersion"] = created.Str("metadata.resourceVersion") },
            ["propagationPolicy"] = "Foreground",
        });

        Assert.Equal(HttpStatusCode.Conflict, wrongUid.Status);
        Assert.Equal($"Operation cannot be fulfilled on ConfigMap \"cm\": the UID in the precondition (not-the-uid) does not match the UID in record ({created.Str("metadata.uid")}). The object might have been deleted and then recreated", wrongUid.Str("message"));
        Assert.Equal(HttpStatusCode.Conflict, wrongRv.Status);
        Assert.Contains("the ResourceVersion in the precondition (1) does not match the ResourceVersion in record", wrongRv.Str("message"));
        Assert.Equal(HttpStatusCode.OK, right.Status);
    }

    [Fact]
    public async Task Unknown_propagation_policy_is_rejected()
    {
        await using var server = await TestServers.StartAsync();
        var http = new Http(server.CreateHttpClient());
        await http.PostAsync(ConfigMaps, Http.ConfigMap("cm"));

        var r = await http.DeleteAsync($"{ConfigMaps}/cm?propagationPolicy=Sometimes");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, r.Status);
        Assert.Equal("DeleteOptions.meta.k8s.io \"\" is invalid: propagationPolicy: Unsupported value: \"Sometimes\": supported values: \"Foreground\", \"Background\", \"Orphan\", \"nil\"", r.Str("message"));
    }

    [Fact]
    public async Task Dry_run_create_stores_nothing()
    {
        await using var server = await TestServers.StartAsync();
        var http = new Http(server.CreateHttpClient());

        var r = await http.PostAsync($"{ConfigMaps}?dryRun=All", Http.ConfigMap("cm"));

        Assert.Equal(HttpStatusCode.Created, r.Status);
        Assert.Null(server.GetObject("", "configmaps", "default", "cm"));
    }

    [Fact]
    public async Task Cluster_scoped_namespaces_are_listed_and_created_without_a_namespace_segment()
    {
        await using var server = await TestServers.StartAsync();
        var http = new Http(server.CreateHttpClient());

        var created = await http.PostAsync("api/v1/namespaces", new JsonObject { ["metadata"] = new JsonObject { ["name"] = "team-a" } });
        var list = await http.GetAsync("api/v1/namespaces");
        var badLabel = await http.PostAsync("api/v1/namespaces", new JsonObject { ["metadata"] = new JsonObject { ["name"] = "a.b" } });

        Assert.Equal(HttpStatusCode.Created, created.Status);
        Assert.Null(created.Node("metadata.namespace"));
        var names = list.Node("items")!.AsArray().Select(i => (string?)i!["metadata"]!["name"]).ToList();
        Assert.Contains("team-a", names);
        Assert.Contains("default", names);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, badLabel.Status);
        Assert.Contains("RFC 1123 label", badLabel.Str("message"));
    }

    [Fact]
    public async Task Bearer_token_is_required_when_configured()
    {
        await using var server = await TestServers.StartAsync(new KubeApiTestServerOptions { BearerToken = "s3cret" });
        using var anonymous = new HttpClient { BaseAddress = server.BaseAddress };

        var denied = await new Http(anonymous).GetAsync(ConfigMaps);
        var allowed = await new Http(server.CreateHttpClient()).GetAsync(ConfigMaps);

        Assert.Equal(HttpStatusCode.Unauthorized, denied.Status);
        var expected = JsonNode.Parse("""{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"Unauthorized","reason":"Unauthorized","code":401}""");
        Assert.True(JsonNode.DeepEquals(expected, denied.Body), denied.Body?.ToJsonString());
        Assert.Equal(HttpStatusCode.OK, allowed.Status);
    }

    [Fact]
    public async Task Version_health_and_discovery_answer()
    {
        await using var server = await TestServers.StartAsync(new KubeApiTestServerOptions { KubernetesVersion = "v1.33.2" });
        var http = new Http(server.CreateHttpClient());

        var version = await http.GetAsync("version");
        var health = await server.CreateHttpClient().GetStringAsync("healthz", TestContext.Current.CancellationToken);
        var core = await http.GetAsync("api/v1");
        var groups = await http.GetAsync("apis");
        var coordination = await http.GetAsync("apis/coordination.k8s.io/v1");

        Assert.Equal("1", version.Str("major"));
        Assert.Equal("33", version.Str("minor"));
        Assert.Equal("ok", health);
        Assert.Equal("APIResourceList", core.Str("kind"));
        Assert.Contains(core.Node("resources")!.AsArray(), r => (string?)r!["name"] == "namespaces/status");
        Assert.Contains(groups.Node("groups")!.AsArray(), g => (string?)g!["name"] == "events.k8s.io");
        Assert.Contains(coordination.Node("resources")!.AsArray(), r => (string?)r!["name"] == "leases" && (string?)r["kind"] == "Lease");
    }
}
