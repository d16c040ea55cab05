using System.Collections.Concurrent;
using EcsOperator.Kubernetes.Informer;
using EcsOperator.Kubernetes.Model;
using EcsOperator.Kubernetes.Rest;
using EcsOperator.Kubernetes.Tests.Support;
using Xunit;

namespace EcsOperator.Kubernetes.Tests.Informer;

/// <summary>
/// The initial list comes in pages (client-go's chunks, <see cref="InformerOptions.PageSize"/>); handlers and the
/// cache see only a complete list, and a continue token that expires between pages starts the list over.
/// </summary>
public sealed class InformerPagedListTests
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_continue_token_expiring_mid_list_relists_from_the_start_and_handlers_see_only_the_complete_list()
    {
        await using var f = await ClientFixture.StartAsync();
        for (var i = 0; i < 20; i++)
        {
            await f.Widgets.CreateAsync(Widget.New($"w{i:D2}"), Ct);
        }

        // Between the first and second page: one object goes, one arrives, and the server forgets the history the
        // continue token points into (as etcd compaction does), so the second page is 410 Expired.
        var client = new RecordingListClient(f.Widgets, async () =>
        {
            await f.Widgets.DeleteAsync("default", "w03", cancellationToken: Ct);
            await f.Widgets.CreateAsync(Widget.New("late"), Ct);
            f.Server.CompactHistory();
        });
        var informer = new Informer<Widget>(client, InformerTests.Fast); // 7 a page: 3 pages
        var added = new ConcurrentQueue<string>();
        var deleted = new ConcurrentQueue<string>();
        informer.AddEventHandler(new ResourceEventHandler<Widget>
        {
            OnAdd = w => added.Enqueue(w.Metadata.Name!),
            OnDelete = (w, _) => deleted.Enqueue(w.Metadata.Name!),
        });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var run = informer.RunAsync(stop.Token);
        await informer.WaitForSyncAsync(Ct).WaitAsync(TimeSpan.FromSeconds(10), Ct);

        var expected = Enumerable.Range(0, 20).Where(i => i != 3).Select(i => $"w{i:D2}").Append("late").Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(expected, informer.Cache.List().Select(w => w.Metadata.Name!).Order(StringComparer.Ordinal));
        Assert.Equal(expected, added.Order(StringComparer.Ordinal)); // w03, seen only in the abandoned first page, was never added
        Assert.Empty(deleted);
        Assert.Equal(1, informer.ListCount);

        // Page 1, the expired continue, then the list again from the start in three pages.
        var lists = client.Lists.ToArray();
        Assert.Equal([false, true, false, true, true], lists.Select(o => o.Continue is not null));
        Assert.All(lists, o => Assert.Equal(7, o.Limit));

        await stop.CancelAsync();
        await run.WaitAsync(TimeSpan.FromSeconds(10), Ct);
    }

    /// <summary>Records every list request and runs <paramref name="afterFirstPage"/> once the first page is served.</summary>
    private sealed class RecordingListClient(IListWatchClient<Widget> inner, Func<Task> afterFirstPage) : IListWatchClient<Widget>
    {
        private int _pages;

        public ConcurrentQueue<ListOptions> Lists { get; } = new();

        public async Task<ResourceList<Widget>> ListAsync(string? ns, ListOptions? options = null, CancellationToken cancellationToken = default)
        {
            Lists.Enqueue(options ?? new ListOptions());
            var page = await inner.ListAsync(ns, options, cancellationToken);
            if (Interlocked.Increment(ref _pages) == 1)
            {
                await afterFirstPage();
            }

            return page;
        }

        public IAsyncEnumerable<WatchEvent<Widget>> WatchAsync(string? ns, WatchOptions options, CancellationToken cancellationToken = default) =>
            inner.WatchAsync(ns, options, cancellationToken);
    }
}
