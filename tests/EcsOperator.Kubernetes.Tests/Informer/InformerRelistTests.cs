using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using EcsOperator.Kubernetes.Informer;
using EcsOperator.Kubernetes.Model;
using EcsOperator.Kubernetes.Rest;
using EcsOperator.Kubernetes.Tests.Support;
using Xunit;

namespace EcsOperator.Kubernetes.Tests.Informer;

/// <summary>Both ways a server says "your resourceVersion expired", with a scripted list/watch.</summary>
public sealed class InformerRelistTests
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Expired_watch_relists_and_reports_objects_gone_meanwhile(bool asErrorEvent)
    {
        var a = Widget.New("a") with { Metadata = new ObjectMeta { Name = "a", Namespace = "default", ResourceVersion = "5" } };
        var b = Widget.New("b") with { Metadata = new ObjectMeta { Name = "b", Namespace = "default", ResourceVersion = "15" } };
        var fake = new ScriptedListWatch(
            lists: [new ResourceList<Widget>([a], "10", null), new ResourceList<Widget>([b], "20", null)],
            firstWatch: asErrorEvent
                ? [new WatchEvent<Widget>(WatchEventType.Error, null, null, new Status { Code = 410, Reason = "Expired", Message = "too old resource version: 10 (15)" })]
                : null);
        var informer = new Informer<Widget>(fake, InformerTests.Fast);
        var deletes = new ConcurrentQueue<(string, bool)>();
        informer.AddEventHandler(new ResourceEventHandler<Widget> { OnDelete = (w, unknown) => deletes.Enqueue((w.Metadata.Name!, unknown)) });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var run = informer.RunAsync(stop.Token);
        await Eventually.TrueAsync(() => informer.ListCount == 2 && deletes.Count == 1, "re-listed");
        Assert.Null(informer.Cache.Get(new ObjectKey("default", "a")));
        Assert.Equal([("a", true)], deletes);
        Assert.Equal(["10", "20"], fake.WatchedFrom.Take(2));
        await stop.CancelAsync();
        await run;
    }

    private sealed class ScriptedListWatch(ResourceList<Widget>[] lists, WatchEvent<Widget>[]? firstWatch) : IListWatchClient<Widget>
    {
        private int _lists;
        private int _watches;

        public ConcurrentQueue<string?> WatchedFrom { get; } = new();

        public Task<ResourceList<Widget>> ListAsync(string? ns, ListOptions? options = null, CancellationToken cancellationToken = default) =>
            Task.FromResult(lists[Math.Min(Interlocked.Increment(ref _lists) - 1, lists.Length - 1)]);

        public async IAsyncEnumerable<WatchEvent<Widget>> WatchAsync(string? ns, WatchOptions options, [EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            WatchedFrom.Enqueue(options.ResourceVersion);
            if (Interlocked.Increment(ref _watches) == 1)
            {
                if (firstWatch is null)
                {
                    throw new GoneException(410, new Status { Code = 410, Reason = "Gone" }, "watch: 410 Gone");
                }

                foreach (var ev in firstWatch)
                {
                    yield return ev;
                }

                await Task.Delay(Timeout.Infinite, cancellationToken); // a server would keep the stream open
            }

            await Task.Delay(Timeout.Infinite, cancellationToken);
        }
    }
}
