using System.Globalization;
using EcsOperator.Api.Clusters;
using EcsOperator.Core.Conditions;
using EcsOperator.Kubernetes.Rest;
using EcsOperator.Reconcilers.Managed;
using Xunit;

namespace EcsOperator.Host.Tests.Managed;

/// <summary>
/// What <see cref="StatusWriter{T,TStatus}"/> remembers of its writes (for a reconcile that reads a lagging cache)
/// is let go once the informer cache has caught up, not kept for its 30 s limit: at thousands of objects written
/// within 30 s, each kept write is a second copy of the object in memory.
/// </summary>
public sealed class StatusWriterMemoryTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Writes_the_cache_has_caught_up_with_are_forgotten_without_waiting_for_the_time_limit()
    {
        await using var harness = await SkeletonHarness.StartAsync();
        var cache = harness.Controller.Informer.Cache;
        // The clock never moves: nothing is older than the 30 s limit, so only the cache can release an entry.
        var writer = new StatusWriter<EcsCluster, EcsClusterStatus>(harness.Objects, harness.External.Kind, harness.Clock, cache);
        const int objects = 70;
        var created = new List<EcsCluster>();
        for (var i = 0; i < objects; i++)
            created.Add(await harness.Objects.CreateAsync(SkeletonHarness.New($"c{i}"), Ct));

        var written = new List<EcsCluster>();
        foreach (var obj in created.Take(63))
            written.Add(await writer.WriteAsync(obj, s => s, new ReconcileState.Ready("ok"), null, Ct));
        Assert.Equal(63, writer.Remembered);

        // A reconcile that still reads the version its write replaced acts on what was written.
        Assert.Same(written[0], writer.Freshest(created[0]));

        // Caught up means at the write or past it: the harness's own controller may write an object again meanwhile
        // (the test server's resourceVersions are one increasing counter).
        await WaitUntilAsync(() => written.All(w => cache.Get(ObjectKey.Of(w))?.Metadata.ResourceVersion is { } seen
            && long.Parse(seen, CultureInfo.InvariantCulture) >= long.Parse(w.Metadata.ResourceVersion!, CultureInfo.InvariantCulture)));
        // The next writes sweep: everything the cache has caught up with goes; only writes still in flight stay.
        foreach (var obj in created.Skip(63))
            await writer.WriteAsync(obj, s => s, new ReconcileState.Ready("ok"), null, Ct);
        Assert.InRange(writer.Remembered, 0, objects - 63);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 400 && !condition(); i++)
            await Task.Delay(25, Ct);
        Assert.True(condition(), "the informer cache did not catch up with the writes");
    }
}
