using EcsOperator.Kubernetes.Config;
using EcsOperator.Kubernetes.Model;
using EcsOperator.Kubernetes.Rest;
using EcsOperator.Kubernetes.Tests.Support;
using Xunit;
using Microsoft.Extensions.Time.Testing;

namespace EcsOperator.Kubernetes.Tests.Rest;

public sealed class ResourceClientTests
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Create_get_replace_patch_status_and_delete_round_trip()
    {
        await using var f = await ClientFixture.StartAsync();
        var created = await f.Widgets.CreateAsync(Widget.New("w1", size: 2), Ct);
        Assert.NotNull(created.Metadata.Uid);
        Assert.Equal(1, created.Metadata.Generation);

        var got = await f.Widgets.GetAsync("default", "w1", Ct);
        Assert.Equal(2, got.Spec.Size);

        var replaced = await f.Widgets.ReplaceAsync(got with { Spec = got.Spec with { Size = 3 } }, Ct);
        Assert.Equal(3, replaced.Spec.Size);
        Assert.Equal(2, replaced.Metadata.Generation);

        var merged = await f.Widgets.PatchAsync("default", "w1", KubernetesPatch.Merge("""{"spec":{"color":"red"}}"""), Ct);
        Assert.Equal(("red", 3), (merged.Spec.Color, merged.Spec.Size));

        var jsonPatched = await f.Widgets.PatchAsync("default", "w1", KubernetesPatch.Json("""[{"op":"replace","path":"/spec/size","value":7}]"""), Ct);
        Assert.Equal(7, jsonPatched.Spec.Size);

        var withStatus = await f.Widgets.ReplaceStatusAsync(jsonPatched with { Status = new WidgetStatus { Phase = "Ready" }, Spec = jsonPatched.Spec with { Size = 99 } }, Ct);
        Assert.Equal("Ready", withStatus.Status?.Phase);
        Assert.Equal(7, withStatus.Spec.Size); // /status ignores spec

        var statusPatched = await f.Widgets.PatchStatusAsync("default", "w1", KubernetesPatch.Merge("""{"status":{"observedGeneration":4}}"""), Ct);
        Assert.Equal(("Ready", 4L), (statusPatched.Status?.Phase, statusPatched.Status?.ObservedGeneration));

        Assert.Null(await f.Widgets.DeleteAsync("default", "w1", cancellationToken: Ct));
        Assert.Null(await f.Widgets.TryGetAsync("default", "w1", Ct));
        var notFound = await Assert.ThrowsAsync<NotFoundException>(() => f.Widgets.GetAsync("default", "w1", Ct));
        Assert.Equal(404, notFound.Code);
        Assert.Equal(KubernetesErrorReason.NotFound, notFound.Reason);
        Assert.Equal("w1", notFound.Status.Details?.Name);
    }

    [Fact]
    public async Task An_object_written_back_holds_the_name_and_uid_instances_it_was_sent_with()
    {
        // A reconciler goes on with the answer of its write (events, its own maps' keys): one copy of the object's
        // strings, not one more per write (issue 11: 3 to 5 copies per object at 10,000 objects).
        await using var f = await ClientFixture.StartAsync();
        await f.Widgets.CreateAsync(Widget.New("w1", size: 2), Ct);
        var got = await f.Widgets.GetAsync("default", "w1", Ct);

        var replaced = await f.Widgets.ReplaceAsync(got with { Spec = got.Spec with { Size = 3 } }, Ct);
        var withStatus = await f.Widgets.ReplaceStatusAsync(replaced with { Status = new WidgetStatus { Phase = "Ready" } }, Ct);

        Assert.Equal((3, "Ready"), (withStatus.Spec.Size, withStatus.Status?.Phase));
        Assert.NotEqual(got.Metadata.ResourceVersion, withStatus.Metadata.ResourceVersion);
        foreach (var written in new[] { replaced, withStatus })
        {
            Assert.Same(got.Metadata.Uid, written.Metadata.Uid);
            Assert.Same(got.Metadata.Name, written.Metadata.Name);
            Assert.Same(got.Metadata.Namespace, written.Metadata.Namespace);
        }
    }

    [Fact]
    public async Task Stale_resource_version_conflicts_and_duplicate_create_already_exists()
    {
        await using var f = await ClientFixture.StartAsync();
        var v1 = await f.Widgets.CreateAsync(Widget.New("w"), Ct);
        await f.Widgets.ReplaceAsync(v1 with { Spec = new WidgetSpec { Size = 5 } }, Ct);
        var conflict = await Assert.ThrowsAsync<ConflictException>(() => f.Widgets.ReplaceAsync(v1 with { Spec = new WidgetSpec { Size = 6 } }, Ct));
        Assert.Equal(409, conflict.Code);
        Assert.True(conflict.IsTransient);

        var exists = await Assert.ThrowsAsync<AlreadyExistsException>(() => f.Widgets.CreateAsync(Widget.New("w"), Ct));
        Assert.Equal(KubernetesErrorReason.AlreadyExists, exists.Reason);

        var precondition = await Assert.ThrowsAsync<ConflictException>(() => f.Widgets.DeleteAsync("default", "w",
            new DeleteOptions { Preconditions = new Preconditions { ResourceVersion = v1.Metadata.ResourceVersion } }, Ct));
        Assert.Contains("resourceVersion", precondition.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Invalid_objects_report_field_causes()
    {
        await using var f = await ClientFixture.StartAsync();
        var ex = await Assert.ThrowsAsync<InvalidException>(() => f.Widgets.CreateAsync(Widget.New("Not_A_Valid_Name"), Ct));
        Assert.Equal(422, ex.Code);
        Assert.Contains(ex.Causes, c => c.Field == "metadata.name");
    }

    [Fact]
    public async Task Delete_of_an_object_with_a_finalizer_returns_it_with_a_deletion_timestamp()
    {
        await using var f = await ClientFixture.StartAsync();
        await f.Widgets.CreateAsync(Widget.New("held") with { Metadata = new ObjectMeta { Name = "held", Namespace = "default", Finalizers = ["test/hold"] } }, Ct);
        var deleting = await f.Widgets.DeleteAsync("default", "held", new DeleteOptions { PropagationPolicy = PropagationPolicy.Foreground }, Ct);
        Assert.NotNull(deleting?.Metadata.DeletionTimestamp);
    }

    [Fact]
    public async Task List_pages_with_limit_and_continue_and_filters_by_label()
    {
        await using var f = await ClientFixture.StartAsync();
        for (var i = 0; i < 25; i++)
        {
            await f.Widgets.CreateAsync(Widget.New($"w{i:00}", labels: new Dictionary<string, string> { ["parity"] = i % 2 == 0 ? "even" : "odd" }), Ct);
        }

        await f.Widgets.CreateAsync(Widget.New("elsewhere", ns: "other"), Ct);
        var page = await f.Widgets.ListAsync("default", new ListOptions { Limit = 10 }, Ct);
        Assert.Equal(10, page.Items.Count);
        Assert.NotNull(page.Continue);
        Assert.NotNull(page.ResourceVersion);

        var all = await f.Widgets.ListAllAsync("default", new ListOptions { Limit = 10 }, Ct).ToListAsync(Ct);
        Assert.Equal(25, all.Select(w => w.Metadata.Name).Distinct().Count());

        var odd = await f.Widgets.ListAllAsync("default", new ListOptions { LabelSelector = "parity=odd" }, Ct).ToListAsync(Ct);
        Assert.Equal(12, odd.Count);
        Assert.Equal(26, (await f.Widgets.ListAsync(null, null, Ct)).Items.Count); // all namespaces
        var byName = await f.Widgets.ListAsync(null, new ListOptions { FieldSelector = "metadata.name=elsewhere" }, Ct);
        Assert.Equal("other", Assert.Single(byName.Items).Metadata.Namespace);
    }

    [Fact]
    public async Task Built_in_list_items_without_type_meta_are_decoded()
    {
        await using var f = await ClientFixture.StartAsync();
        var namespaces = f.Client.Resource(ResourceType.Namespaces, KubernetesModelJsonContext.Default.Namespace);
        var list = await namespaces.ListAsync(null, null, Ct);
        Assert.Contains(list.Items, n => n.Metadata.Name == "kube-system" && n.Kind == "Namespace");
        var kubeSystem = await namespaces.GetAsync(null, "kube-system", Ct);
        Assert.NotNull(kubeSystem.Metadata.Uid);
    }

    [Fact]
    public async Task Expired_continue_token_is_gone()
    {
        await using var f = await ClientFixture.StartAsync();
        for (var i = 0; i < 5; i++)
        {
            await f.Widgets.CreateAsync(Widget.New($"w{i}"), Ct);
        }

        var page = await f.Widgets.ListAsync("default", new ListOptions { Limit = 2 }, Ct);
        await f.Widgets.CreateAsync(Widget.New("later"), Ct);
        f.Server.CompactHistory();
        var gone = await Assert.ThrowsAsync<GoneException>(() => f.Widgets.ListAsync("default", new ListOptions { Limit = 2, Continue = page.Continue }, Ct));
        Assert.Equal(410, gone.Code);
    }

    [Theory]
    [InlineData(403, typeof(ForbiddenException), KubernetesErrorReason.Forbidden)]
    [InlineData(401, typeof(UnauthorizedException), KubernetesErrorReason.Unauthorized)]
    [InlineData(500, typeof(ServerErrorException), KubernetesErrorReason.InternalError)]
    [InlineData(503, typeof(ServerErrorException), KubernetesErrorReason.ServiceUnavailable)]
    [InlineData(504, typeof(ServerErrorException), KubernetesErrorReason.Timeout)]
    [InlineData(400, typeof(KubernetesApiException), KubernetesErrorReason.BadRequest)]
    public async Task Error_statuses_map_to_typed_exceptions(int code, Type exceptionType, KubernetesErrorReason reason)
    {
        await using var f = await ClientFixture.StartAsync();
        f.Server.FailNext(1, code);
        var ex = await Assert.ThrowsAnyAsync<KubernetesApiException>(() => f.Widgets.ListAsync("default", null, Ct));
        Assert.IsType(exceptionType, ex);
        Assert.Equal(reason, ex.Reason);
        Assert.Equal(code, ex.Code);
        Assert.Contains("list /apis/test.example.com/v1/namespaces/default/widgets", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Too_many_requests_is_retried_after_the_server_delay_a_bounded_number_of_times()
    {
        await using var f = await ClientFixture.StartAsync();
        f.Server.FailNext(2, 429, retryAfter: TimeSpan.FromSeconds(1));
        f.Server.ResetRequestLog();
        Assert.Empty((await f.Widgets.ListAsync("default", null, Ct)).Items);
        Assert.Equal(3, f.Server.RequestCount("list", "widgets"));

        f.Server.FailNext(null, 429, retryAfter: TimeSpan.FromSeconds(1));
        f.Server.ResetRequestLog();
        var ex = await Assert.ThrowsAsync<TooManyRequestsException>(() => f.Widgets.ListAsync("default", null, Ct));
        Assert.Equal(TimeSpan.FromSeconds(1), ex.RetryAfter);
        Assert.Equal(4, f.Server.RequestCount("list", "widgets")); // first try + MaxRetries (3)
        f.Server.ClearFaults();
    }

    [Fact]
    public async Task Every_request_asks_the_token_provider_so_a_refreshed_token_is_used_at_once()
    {
        var tokens = new RotatingTokens(["stale", "fresh"]);
        await using var f = await ClientFixture.StartAsync(new EcsOperator.KubeApiServer.KubeApiTestServerOptions { BearerToken = "fresh" }, tokens);
        await Assert.ThrowsAsync<UnauthorizedException>(() => f.Widgets.ListAsync("default", null, Ct));
        tokens.Rotate();
        Assert.Empty((await f.Widgets.ListAsync("default", null, Ct)).Items);
    }

    [Fact]
    public async Task Client_side_rate_limit_spaces_requests_by_qps_after_the_burst()
    {
        var time = new FakeTimeProvider();
        await using var f = await ClientFixture.StartAsync(clientOptions: new KubernetesClientOptions { Qps = 10, Burst = 2 }, clientTime: time);
        f.Server.ResetRequestLog();
        var calls = Enumerable.Range(0, 4).Select(_ => f.Widgets.ListAsync("default", null, Ct)).ToList();
        await Eventually.TrueAsync(() => f.Server.RequestCount("list") == 2, "burst of 2 sent at once");
        await Task.Delay(50, Ct);
        Assert.Equal(2, f.Server.RequestCount("list"));
        time.Advance(TimeSpan.FromMilliseconds(100));
        await Eventually.TrueAsync(() => f.Server.RequestCount("list") == 3, "third request after 100 ms");
        time.Advance(TimeSpan.FromMilliseconds(100));
        await Task.WhenAll(calls);
        Assert.Equal(4, f.Server.RequestCount("list"));
    }

    private sealed class RotatingTokens(string[] tokens) : k8s.Authentication.ITokenProvider
    {
        private int _index;

        public void Rotate() => _index = Math.Min(_index + 1, tokens.Length - 1);

        public Task<System.Net.Http.Headers.AuthenticationHeaderValue> GetAuthenticationHeaderAsync(CancellationToken cancellationToken) =>
            Task.FromResult(new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", tokens[_index]));
    }
}
