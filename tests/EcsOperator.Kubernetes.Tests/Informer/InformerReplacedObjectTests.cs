using System.Collections.Concurrent;
using EcsOperator.Kubernetes.Controller;
using EcsOperator.Kubernetes.Informer;
using EcsOperator.Kubernetes.Tests.Support;
using Xunit;

namespace EcsOperator.Kubernetes.Tests.Informer;

/// <summary>
/// An object deleted and created again under the same name while the informer was not watching, found by a relist:
/// a watch would have shown DELETED then ADDED, and the relist must say the same. As an update from the old object
/// (generation 1) to the new one (generation 1 again) it passed no generation filter, so the new object was never
/// reconciled until the resync.
/// </summary>
public sealed class InformerReplacedObjectTests
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;

    // Generous: the relist waits for a held-back watch, on machines shared with other test processes.
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task An_object_deleted_and_created_again_while_the_watch_was_gone_is_reconciled_after_the_relist()
    {
        await using var f = await ClientFixture.StartAsync();
        var first = await f.Widgets.CreateAsync(Widget.New("w", size: 1), Ct);
        var informer = new Informer<Widget>(f.Widgets, InformerTests.Fast);
        var log = new ConcurrentQueue<string>();
        informer.AddEventHandler(new ResourceEventHandler<Widget>
        {
            OnAdd = w => log.Enqueue($"add {w.Metadata.Uid}"),
            OnUpdate = (o, n) => log.Enqueue($"update {o.Metadata.Uid}->{n.Metadata.Uid}"),
            OnDelete = (w, unknown) => log.Enqueue($"delete {w.Metadata.Uid} {unknown}"),
        });
        var reconciled = new ConcurrentQueue<string?>();
        var controller = new Controller<Widget>("widgets", informer, new Recorder(reconciled));
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var informing = informer.RunAsync(stop.Token);
        var controlling = controller.RunAsync(stop.Token);
        await Eventually.TrueAsync(() => reconciled.Contains(first.Metadata.Uid), "the first object reconciled", Patience);

        // The informer's next watch is held back until the history it would resume from is compacted: a relist. A
        // hold, not a delay: a 500 ms delay ran out before a loaded machine had deleted, created and compacted (CI,
        // session 12), and the watch then saw both changes itself.
        var second = default(Widget);
        using (f.Server.HoldRequests(r => r.Verb == "watch", count: 1))
        {
            f.Server.DropWatches();
            await f.Widgets.DeleteAsync("default", "w", cancellationToken: Ct);
            second = await f.Widgets.CreateAsync(Widget.New("w", size: 2), Ct);
            f.Server.CompactHistory();
        }

        Assert.Equal(first.Metadata.Generation, second.Metadata.Generation);

        await Eventually.TrueAsync(() => informer.ListCount == 2, "re-listed", Patience);
        await Eventually.TrueAsync(() => reconciled.Contains(second.Metadata.Uid), "the new object reconciled", Patience);
        Assert.Equal([$"add {first.Metadata.Uid}", $"delete {first.Metadata.Uid} True", $"add {second.Metadata.Uid}"], log.ToArray());

        await stop.CancelAsync();
        await Task.WhenAll(informing, controlling).WaitAsync(TimeSpan.FromSeconds(10), Ct);
    }

    private sealed class Recorder(ConcurrentQueue<string?> reconciled) : IReconciler<Widget>
    {
        public Task<ReconcileResult> ReconcileAsync(ReconcileRequest<Widget> request, CancellationToken cancellationToken)
        {
            reconciled.Enqueue(request.Object?.Metadata.Uid);
            return Task.FromResult(ReconcileResult.Done);
        }
    }
}
