using System.Collections.Concurrent;
using EcsOperator.Kubernetes.Informer;
using EcsOperator.Kubernetes.Rest;
using EcsOperator.Kubernetes.Tests.Support;
using FsCheck;
using FsCheck.Fluent;
using Xunit;

namespace EcsOperator.Kubernetes.Tests.Informer;

public sealed class InformerTests
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;

    internal static readonly InformerOptions Fast = new()
    {
        InitialBackoff = TimeSpan.FromMilliseconds(10),
        MaxBackoff = TimeSpan.FromMilliseconds(100),
        PageSize = 7,
    };

    [Fact]
    public async Task Lists_then_watches_and_tells_handlers_about_adds_updates_and_deletes()
    {
        await using var f = await ClientFixture.StartAsync();
        await f.Widgets.CreateAsync(Widget.New("before"), Ct);
        var informer = new Informer<Widget>(f.Widgets, Fast);
        var log = new ConcurrentQueue<string>();
        informer.AddEventHandler(new ResourceEventHandler<Widget>
        {
            OnAdd = w => log.Enqueue($"add {w.Metadata.Name}"),
            OnUpdate = (o, n) => log.Enqueue($"update {n.Metadata.Name} {o.Spec.Size}->{n.Spec.Size}"),
            OnDelete = (w, unknown) => log.Enqueue($"delete {w.Metadata.Name} {unknown}"),
        });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var run = informer.RunAsync(stop.Token);
        await informer.WaitForSyncAsync(Ct).WaitAsync(TimeSpan.FromSeconds(10), Ct);
        Assert.True(informer.HasSynced);
        Assert.NotNull(informer.Cache.Get(new ObjectKey("default", "before")));

        await f.Widgets.CreateAsync(Widget.New("w", size: 1), Ct);
        await f.Widgets.PatchAsync("default", "w", KubernetesPatch.Merge("""{"spec":{"size":2}}"""), Ct);
        await f.Widgets.DeleteAsync("default", "before", cancellationToken: Ct);
        await Eventually.TrueAsync(() => log.Count == 4, "four notifications");
        Assert.Equal(["add before", "add w", "update w 1->2", "delete before False"], log.ToArray());
        Assert.Equal(2, informer.Cache.Get(new ObjectKey("default", "w"))!.Spec.Size);
        Assert.Null(informer.Cache.Get(new ObjectKey("default", "before")));

        await stop.CancelAsync();
        await run.WaitAsync(TimeSpan.FromSeconds(10), Ct);
    }

    [Fact]
    public async Task Reconnects_after_dropped_watches_and_relists_after_410_reporting_missed_deletes()
    {
        await using var f = await ClientFixture.StartAsync();
        await f.Widgets.CreateAsync(Widget.New("doomed"), Ct);
        var informer = new Informer<Widget>(f.Widgets, Fast);
        var deletes = new ConcurrentQueue<(string, bool)>();
        informer.AddEventHandler(new ResourceEventHandler<Widget> { OnDelete = (w, unknown) => deletes.Enqueue((w.Metadata.Name!, unknown)) });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var run = informer.RunAsync(stop.Token);
        await informer.WaitForSyncAsync(Ct).WaitAsync(TimeSpan.FromSeconds(10), Ct);
        await Eventually.TrueAsync(() => f.Server.ActiveWatchCount == 1, "watch open");

        // Abrupt drop: the informer resumes from its last version and sees changes made meanwhile.
        f.Server.DropWatches();
        await f.Widgets.CreateAsync(Widget.New("during-drop"), Ct);
        await Eventually.TrueAsync(() => informer.Cache.Get(new ObjectKey("default", "during-drop")) is not null, "change made during the drop arrives");
        Assert.Equal(1, informer.ListCount);

        // History gone + watch ended: resuming yields 410, so it re-lists; the delete it never saw is inferred.
        await Eventually.TrueAsync(() => f.Server.ActiveWatchCount == 1, "watch reopened");
        f.Server.FailNext(1, 503, r => r.Verb == "watch");
        f.Server.DropWatches();
        await f.Widgets.DeleteAsync("default", "doomed", cancellationToken: Ct);
        f.Server.CompactHistory();
        await Eventually.TrueAsync(() => informer.ListCount >= 2 && informer.Cache.Get(new ObjectKey("default", "doomed")) is null, "re-listed");
        Assert.Contains(("doomed", true), deletes);

        await stop.CancelAsync();
        await run.WaitAsync(TimeSpan.FromSeconds(10), Ct);
    }

    [Fact]
    public async Task Secondary_indexes_follow_updates()
    {
        await using var f = await ClientFixture.StartAsync();
        var informer = new Informer<Widget>(f.Widgets, Fast);
        informer.AddIndex("partOf", w => w.Spec.PartOf is { } p ? [$"{w.Metadata.Namespace}/{p}"] : []);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var run = informer.RunAsync(stop.Token);
        await informer.WaitForSyncAsync(Ct).WaitAsync(TimeSpan.FromSeconds(10), Ct);

        await f.Widgets.CreateAsync(Widget.New("a") with { Spec = new WidgetSpec { PartOf = "root" } }, Ct);
        await f.Widgets.CreateAsync(Widget.New("b") with { Spec = new WidgetSpec { PartOf = "root" } }, Ct);
        await f.Widgets.CreateAsync(Widget.New("c") with { Spec = new WidgetSpec { PartOf = "other" } }, Ct);
        await Eventually.TrueAsync(() => informer.Cache.Count == 3, "cached");
        Assert.Equal(["a", "b"], informer.Cache.ByIndex("partOf", "default/root").Select(w => w.Metadata.Name).Order());

        await f.Widgets.PatchAsync("default", "b", KubernetesPatch.Merge("""{"spec":{"partOf":"other"}}"""), Ct);
        await Eventually.TrueAsync(() => informer.Cache.ByIndex("partOf", "default/root").Count == 1, "index updated");
        Assert.Equal(["b", "c"], informer.Cache.KeysByIndex("partOf", "default/other").Select(k => k.Name).Order());
        await stop.CancelAsync();
        await run;
    }

    [Fact]
    public async Task Watches_only_the_configured_namespaces_and_resyncs_periodically()
    {
        await using var f = await ClientFixture.StartAsync();
        await f.Widgets.CreateAsync(Widget.New("x", ns: "team-a"), Ct);
        await f.Widgets.CreateAsync(Widget.New("y", ns: "team-b"), Ct);
        await f.Widgets.CreateAsync(Widget.New("z", ns: "team-c"), Ct);
        var informer = new Informer<Widget>(f.Widgets, Fast with { Namespaces = ["team-a", "team-b"], ResyncPeriod = TimeSpan.FromMilliseconds(100) });
        var resyncs = 0;
        informer.AddEventHandler(new ResourceEventHandler<Widget> { OnUpdate = (o, n) => Interlocked.Add(ref resyncs, ReferenceEquals(o, n) ? 1 : 0) });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var run = informer.RunAsync(stop.Token);
        await informer.WaitForSyncAsync(Ct).WaitAsync(TimeSpan.FromSeconds(10), Ct);
        Assert.Equal(["team-a", "team-b"], informer.Cache.List().Select(w => w.Metadata.Namespace).Order());
        await f.Widgets.CreateAsync(Widget.New("late", ns: "team-c"), Ct);
        await f.Widgets.CreateAsync(Widget.New("late", ns: "team-b"), Ct);
        await Eventually.TrueAsync(() => informer.Cache.Count == 3, "team-b change seen");
        await Eventually.TrueAsync(() => Volatile.Read(ref resyncs) >= 6, "two resync rounds of three objects");
        Assert.DoesNotContain(informer.Cache.List(), w => w.Metadata.Namespace == "team-c");
        await stop.CancelAsync();
        await run;
    }

    /// <summary>
    /// Property: whatever storm of creates, updates and deletes happens while watches are dropped, closed or
    /// expired (410), the cache converges to exactly the server's objects (same names, same resourceVersions).
    /// </summary>
    [Fact]
    public async Task Cache_converges_to_server_state_under_random_storms_with_dropped_watches_and_410s()
    {
        await using var f = await ClientFixture.StartAsync();
        var informer = new Informer<Widget>(f.Widgets, Fast with { Namespaces = ["ns1", "ns2"] });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var run = informer.RunAsync(stop.Token);
        await informer.WaitForSyncAsync(Ct).WaitAsync(TimeSpan.FromSeconds(10), Ct);

        var ops = Gen.Frequency(
            (6, from n in Gen.Choose(0, 7) from ns in Gen.Elements("ns1", "ns2", "ns3") from size in Gen.Choose(0, 100) select new Op("upsert", ns, $"w{n}", size)),
            (3, from n in Gen.Choose(0, 7) from ns in Gen.Elements("ns1", "ns2", "ns3") select new Op("delete", ns, $"w{n}", 0)),
            (1, Gen.Constant(new Op("drop", "", "", 0))),
            (1, Gen.Constant(new Op("close", "", "", 0))),
            (1, Gen.Constant(new Op("expire", "", "", 0))));
        var property = Prop.ForAll(Gen.ListOf(ops, 25).ToArbitrary(), storm =>
        {
            foreach (var op in storm)
            {
                ApplyAsync(f, op).GetAwaiter().GetResult();
            }

            Eventually.TrueAsync(() => Snapshot(informer) == ServerState(f), "cache equals server", TimeSpan.FromSeconds(15)).GetAwaiter().GetResult();
        });
        Check.One(FsCheck.Config.QuickThrowOnFailure.WithMaxTest(15), property);
        await stop.CancelAsync();
        await run;
    }

    private sealed record Op(string Kind, string Ns, string Name, int Size);

    private static async Task ApplyAsync(ClientFixture f, Op op)
    {
        switch (op.Kind)
        {
            case "upsert":
                var existing = await f.Widgets.TryGetAsync(op.Ns, op.Name, Ct);
                if (existing is null)
                {
                    await f.Widgets.CreateAsync(Widget.New(op.Name, op.Size, op.Ns), Ct);
                }
                else
                {
                    await f.Widgets.PatchAsync(op.Ns, op.Name, KubernetesPatch.Merge($$$"""{"spec":{"size":{{{op.Size}}},"color":"c{{{op.Size}}}"}}"""), Ct);
                }

                break;
            case "delete":
                try
                {
                    await f.Widgets.DeleteAsync(op.Ns, op.Name, cancellationToken: Ct);
                }
                catch (NotFoundException)
                {
                }

                break;
            case "drop":
                f.Server.DropWatches();
                break;
            case "close":
                f.Server.CloseWatches();
                break;
            case "expire":
                f.Server.CompactHistory();
                f.Server.DropWatches();
                break;
        }
    }

    private static string Snapshot(Informer<Widget> informer) => string.Join(",", informer.Cache.List()
        .Select(w => $"{w.Metadata.Namespace}/{w.Metadata.Name}@{w.Metadata.ResourceVersion}").Order(StringComparer.Ordinal));

    private static string ServerState(ClientFixture f) => string.Join(",", f.Server.ListObjects("test.example.com", "widgets")
        .Where(o => (string?)o["metadata"]!["namespace"] is "ns1" or "ns2")
        .Select(o => $"{o["metadata"]!["namespace"]}/{o["metadata"]!["name"]}@{o["metadata"]!["resourceVersion"]}").Order(StringComparer.Ordinal));
}
