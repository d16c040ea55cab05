using EcsOperator.Kubernetes.Model;
using EcsOperator.Kubernetes.Rest;
using EcsOperator.Kubernetes.Tests.Support;
using Xunit;

namespace EcsOperator.Kubernetes.Tests.Rest;

public sealed class WatchClientTests
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Watch_streams_typed_events_and_bookmarks_from_a_resource_version()
    {
        await using var f = await ClientFixture.StartAsync();
        var list = await f.Widgets.ListAsync("default", null, Ct);
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        cts.CancelAfter(TimeSpan.FromSeconds(20));
        await using var events = f.Widgets.WatchAsync("default", new WatchOptions { ResourceVersion = list.ResourceVersion }, cts.Token).GetAsyncEnumerator(cts.Token);

        var created = await f.Widgets.CreateAsync(Widget.New("a"), Ct);
        Assert.True(await events.MoveNextAsync());
        Assert.Equal((WatchEventType.Added, "a"), (events.Current.Type, events.Current.Object?.Metadata.Name));
        Assert.Equal(created.Metadata.ResourceVersion, events.Current.ResourceVersion);

        await f.Widgets.PatchAsync("default", "a", KubernetesPatch.Merge("""{"spec":{"size":9}}"""), Ct);
        Assert.True(await events.MoveNextAsync());
        Assert.Equal((WatchEventType.Modified, 9), (events.Current.Type, events.Current.Object!.Spec.Size));

        f.Server.TriggerBookmarks();
        Assert.True(await events.MoveNextAsync());
        Assert.Equal(WatchEventType.Bookmark, events.Current.Type);
        Assert.Null(events.Current.Object); // a bookmark is not decoded as a Widget (whose spec is required)
        Assert.Equal(f.Server.CurrentResourceVersion.ToString(System.Globalization.CultureInfo.InvariantCulture), events.Current.ResourceVersion);

        await f.Widgets.DeleteAsync("default", "a", cancellationToken: Ct);
        Assert.True(await events.MoveNextAsync());
        Assert.Equal(WatchEventType.Deleted, events.Current.Type);

        f.Server.CloseWatches();
        Assert.False(await events.MoveNextAsync()); // server ended the watch: the enumeration completes
    }

    [Fact]
    public async Task Watching_from_a_compacted_version_reports_410()
    {
        await using var f = await ClientFixture.StartAsync();
        var old = (await f.Widgets.ListAsync("default", null, Ct)).ResourceVersion;
        await f.Widgets.CreateAsync(Widget.New("a"), Ct);
        f.Server.CompactHistory();
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        cts.CancelAfter(TimeSpan.FromSeconds(20));
        try
        {
            await foreach (var ev in f.Widgets.WatchAsync("default", new WatchOptions { ResourceVersion = old }, cts.Token))
            {
                Assert.Equal(WatchEventType.Error, ev.Type);
                Assert.Equal(410, ev.Error?.Code);
                return;
            }

            Assert.Fail("watch ended without an error");
        }
        catch (GoneException e)
        {
            Assert.Equal(410, e.Code);
        }
    }

    [Fact]
    public async Task Watch_of_a_missing_resource_type_fails_with_not_found()
    {
        await using var f = await ClientFixture.StartAsync();
        var gadgets = f.Client.Resource(Widget.Type with { Plural = "gadgets" }, TestJsonContext.Default.Widget);
        await Assert.ThrowsAsync<NotFoundException>(async () =>
        {
            await foreach (var _ in gadgets.WatchAsync("default", new WatchOptions(), Ct))
            {
            }
        });
    }
}
