using EcsOperator.Kubernetes.Controller;
using EcsOperator.Kubernetes.Rest;
using EcsOperator.Kubernetes.Tests.Support;
using Xunit;

namespace EcsOperator.Kubernetes.Tests.Controller;

public sealed class ObjectUpdatesTests
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Status_update_on_a_stale_object_rereads_and_reapplies_the_mutation()
    {
        await using var f = await ClientFixture.StartAsync();
        var stale = await f.Widgets.CreateAsync(Widget.New("w"), Ct);
        await f.Widgets.PatchAsync("default", "w", KubernetesPatch.Merge("""{"spec":{"size":42}}"""), Ct); // someone else writes
        var mutations = 0;
        var stored = await f.Widgets.UpdateStatusAsync(stale, w =>
        {
            mutations++;
            return w with { Status = new WidgetStatus { Phase = "Ready", ObservedGeneration = w.Metadata.Generation } };
        }, Ct);
        Assert.Equal(2, mutations);
        Assert.Equal(("Ready", 2L), (stored.Status?.Phase, stored.Status?.ObservedGeneration)); // computed from the fresh object
        Assert.Equal(42, stored.Spec.Size);
    }

    [Fact]
    public async Task Status_update_that_changes_nothing_sends_nothing()
    {
        await using var f = await ClientFixture.StartAsync();
        var w = await f.Widgets.CreateAsync(Widget.New("w"), Ct);
        w = await f.Widgets.UpdateStatusAsync(w, x => x with { Status = new WidgetStatus { Phase = "Ready" } }, Ct);
        f.Server.ResetRequestLog();
        var again = await f.Widgets.UpdateStatusAsync(w, x => x with { Status = new WidgetStatus { Phase = "Ready" } }, Ct);
        Assert.Same(w, again);
        Assert.Empty(f.Server.Requests);
    }

    [Fact]
    public async Task Status_update_gives_up_after_a_bounded_number_of_conflicts()
    {
        await using var f = await ClientFixture.StartAsync();
        var w = await f.Widgets.CreateAsync(Widget.New("w"), Ct);
        f.Server.FailNext(null, 409, r => r.Subresource == "status", reason: "Conflict");
        await Assert.ThrowsAsync<ConflictException>(() => f.Widgets.UpdateStatusAsync(w, x => x with { Status = new WidgetStatus { Phase = "X" } }, Ct));
        Assert.Equal(ObjectUpdates.DefaultAttempts, f.Server.Requests.Count(r => r.Subresource == "status"));
        f.Server.ClearFaults();
    }

    [Fact]
    public async Task Finalizers_are_added_and_removed_with_conflict_retry_and_removal_completes_deletion()
    {
        await using var f = await ClientFixture.StartAsync();
        var stale = await f.Widgets.CreateAsync(Widget.New("w"), Ct);
        await f.Widgets.PatchAsync("default", "w", KubernetesPatch.Merge("""{"metadata":{"finalizers":["other/keep"]}}"""), Ct);
        var withOurs = await f.Widgets.EnsureFinalizerAsync(stale, "ecs.operator.dev/cleanup", Ct);
        Assert.Equal(["other/keep", "ecs.operator.dev/cleanup"], withOurs.Metadata.Finalizers);
        Assert.Same(withOurs, await f.Widgets.EnsureFinalizerAsync(withOurs, "ecs.operator.dev/cleanup", Ct)); // idempotent

        await f.Widgets.PatchAsync("default", "w", KubernetesPatch.Merge("""{"metadata":{"finalizers":["ecs.operator.dev/cleanup"]}}"""), Ct);
        var deleting = await f.Widgets.DeleteAsync("default", "w", cancellationToken: Ct);
        Assert.NotNull(deleting?.Metadata.DeletionTimestamp);
        var result = await f.Widgets.RemoveFinalizerAsync(withOurs, "ecs.operator.dev/cleanup", Ct); // stale copy: conflict, re-read, remove
        Assert.False(result?.HasFinalizer("ecs.operator.dev/cleanup") ?? false);
        Assert.Null(await f.Widgets.TryGetAsync("default", "w", Ct));
    }

    [Fact]
    public async Task A_finalizer_write_keeps_everything_else_the_object_carries()
    {
        await using var f = await ClientFixture.StartAsync();
        var created = await f.Widgets.CreateAsync(Widget.New("w", size: 7, labels: new Dictionary<string, string> { ["team"] = "a" }) with
        {
            Spec = new WidgetSpec { Size = 7, Color = "red \"quoted\" \u00e9", PartOf = "other" },
        }, Ct);
        created = await f.Widgets.UpdateStatusAsync(created, w => w with { Status = new WidgetStatus { Phase = "Ready", ObservedGeneration = 1 } }, Ct);

        var stored = await f.Widgets.EnsureFinalizerAsync(created, "ecs.operator.dev/cleanup", Ct);

        var read = await f.Widgets.GetAsync("default", "w", Ct);
        Assert.Equal(["ecs.operator.dev/cleanup"], read.Metadata.Finalizers);
        Assert.Equal(created.Spec, read.Spec);
        Assert.Equal(created.Status, read.Status);
        Assert.Equal("a", read.Metadata.Labels?["team"]);
        Assert.Equal(read.Metadata.ResourceVersion, stored.Metadata.ResourceVersion);
    }
}
