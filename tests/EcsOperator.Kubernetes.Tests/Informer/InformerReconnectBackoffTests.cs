using System.Diagnostics;
using EcsOperator.Kubernetes.Informer;
using EcsOperator.Kubernetes.Rest;
using EcsOperator.Kubernetes.Tests.Support;
using Xunit;

namespace EcsOperator.Kubernetes.Tests.Informer;

/// <summary>
/// A watch connection that worked and then broke (an API server restart, a proxy's reset) is not a failing server:
/// the informer reconnects after the initial backoff however many such losses came before. It used to double the
/// backoff on every loss with nothing to reset it, so after a few drops it re-watched only after MaxBackoff and every
/// change meanwhile (and every wake-up it meant) waited that long.
/// </summary>
public sealed class InformerReconnectBackoffTests
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_watch_that_worked_is_resumed_after_the_initial_backoff_however_often_it_was_dropped()
    {
        await using var f = await ClientFixture.StartAsync();
        var options = InformerTests.Fast with { InitialBackoff = TimeSpan.FromMilliseconds(300), MaxBackoff = TimeSpan.FromSeconds(20) };
        var informer = new Informer<Widget>(f.Widgets, options);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var run = informer.RunAsync(stop.Token);
        await informer.WaitForSyncAsync(Ct).WaitAsync(TimeSpan.FromSeconds(30), Ct);

        for (var i = 0; i < 6; i++)
        {
            // Each watch delivers an event (it works), then its connection is reset.
            await f.Widgets.CreateAsync(Widget.New($"w{i}"), Ct);
            await Eventually.TrueAsync(() => informer.Cache.Get(new ObjectKey("default", $"w{i}")) is not null, $"w{i} seen", TimeSpan.FromSeconds(30));
            f.Server.DropWatches();
        }

        var clock = Stopwatch.StartNew();
        await f.Widgets.CreateAsync(Widget.New("after"), Ct);
        await Eventually.TrueAsync(() => informer.Cache.Get(new ObjectKey("default", "after")) is not null, "after seen", TimeSpan.FromSeconds(30));
        // 300 ms of backoff plus a reconnect; doubled six times it was 19.2 s.
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(3), $"the change after the sixth drop reached the cache after {clock.Elapsed.TotalSeconds:F1} s");

        await stop.CancelAsync();
        await run.WaitAsync(TimeSpan.FromSeconds(10), Ct);
    }
}
