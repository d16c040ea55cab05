using EcsOperator.Kubernetes.Informer;
using EcsOperator.Kubernetes.Rest;
using EcsOperator.Kubernetes.Tests.Support;
using Xunit;

namespace EcsOperator.Kubernetes.Tests.Informer;

/// <summary>The API server's storage restored from an older backup: resourceVersions go backwards under the informer.</summary>
public sealed class InformerStorageRestoreTests
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Watch_from_a_resourceVersion_the_restored_server_has_not_reached_relists_instead_of_stalling()
    {
        await using var f = await ClientFixture.StartAsync();
        await f.Widgets.CreateAsync(Widget.New("kept"), Ct);
        var informer = new Informer<Widget>(f.Widgets, InformerTests.Fast);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var run = informer.RunAsync(stop.Token);
        await informer.WaitForSyncAsync(Ct).WaitAsync(TimeSpan.FromSeconds(10), Ct);
        var backup = f.Server.Snapshot();

        // Written after the backup: the informer's resourceVersion moves past anything the restored server will have.
        await f.Widgets.CreateAsync(Widget.New("lost-1"), Ct);
        await f.Widgets.CreateAsync(Widget.New("lost-2"), Ct);
        await Eventually.TrueAsync(() => informer.Cache.Get(new ObjectKey("default", "lost-2")) is not null, "saw the writes after the backup");
        f.Server.Restore(backup);

        // A change made on the restored server must reach the cache, and the objects the restore lost must leave it.
        await f.Widgets.CreateAsync(Widget.New("after-restore"), Ct);
        await Eventually.TrueAsync(() => informer.Cache.Get(new ObjectKey("default", "after-restore")) is not null
            && informer.Cache.Get(new ObjectKey("default", "lost-1")) is null, "re-listed after the restore");
        Assert.Equal(2, informer.ListCount);
        Assert.NotNull(informer.Cache.Get(new ObjectKey("default", "kept")));

        await stop.CancelAsync();
        await run.WaitAsync(TimeSpan.FromSeconds(10), Ct);
    }
}
