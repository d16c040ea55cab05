using EcsOperator.Kubernetes.Informer;
using EcsOperator.Kubernetes.Rest;
using EcsOperator.Kubernetes.Tests.Support;
using Xunit;

namespace EcsOperator.Kubernetes.Tests.Informer;

/// <summary>
/// The index holds one key inline per value and a set only from two keys on: every move between the two (a second
/// referrer, one of two leaving, the last leaving, a delete) must still find exactly the referrers there are.
/// </summary>
public sealed class InformerIndexTests
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_index_value_finds_its_referrers_as_they_come_and_go_one_and_many()
    {
        await using var f = await ClientFixture.StartAsync();
        var informer = new Informer<Widget>(f.Widgets, InformerTests.Fast);
        informer.AddIndex("partOf", w => w.Spec.PartOf is { } p ? [$"{w.Metadata.Namespace}/{p}", $"{w.Metadata.Namespace}/{p}"] : []);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var run = informer.RunAsync(stop.Token);
        await informer.WaitForSyncAsync(Ct).WaitAsync(TimeSpan.FromSeconds(10), Ct);
        string[] Referrers(string value) => [.. informer.Cache.KeysByIndex("partOf", $"default/{value}").Select(k => k.Name).Order()];
        async Task Becomes(string value, string[] expected, string why)
        {
            await Eventually.TrueAsync(() => Referrers(value).SequenceEqual(expected), why);
            Assert.Equal(expected, informer.Cache.ByIndex("partOf", $"default/{value}").Select(w => w.Metadata.Name).Order());
        }

        await f.Widgets.CreateAsync(Widget.New("a") with { Spec = new WidgetSpec { PartOf = "root" } }, Ct);
        await Becomes("root", ["a"], "one referrer");
        await f.Widgets.CreateAsync(Widget.New("b") with { Spec = new WidgetSpec { PartOf = "root" } }, Ct);
        await Becomes("root", ["a", "b"], "a second referrer");
        await f.Widgets.CreateAsync(Widget.New("c") with { Spec = new WidgetSpec { PartOf = "root" } }, Ct);
        await Becomes("root", ["a", "b", "c"], "a third referrer");

        await f.Widgets.PatchAsync("default", "a", KubernetesPatch.Merge("""{"spec":{"partOf":"other"}}"""), Ct);
        await Becomes("root", ["b", "c"], "one of three left");
        await Becomes("other", ["a"], "the one that left, alone elsewhere");
        await f.Widgets.DeleteAsync("default", "b", cancellationToken: Ct);
        await Becomes("root", ["c"], "one of two deleted");

        // An update that keeps the value (the object re-indexed under the same key) keeps it findable.
        await f.Widgets.PatchAsync("default", "c", KubernetesPatch.Merge("""{"spec":{"size":5}}"""), Ct);
        await Eventually.TrueAsync(() => informer.Cache.Get(new ObjectKey("default", "c"))?.Spec.Size == 5, "update cached");
        await Becomes("root", ["c"], "the single referrer updated in place");

        await f.Widgets.PatchAsync("default", "c", KubernetesPatch.Merge("""{"spec":{"partOf":"other"}}"""), Ct);
        await Becomes("root", [], "the last referrer left");
        await Becomes("other", ["a", "c"], "two again elsewhere");
        await f.Widgets.CreateAsync(Widget.New("d") with { Spec = new WidgetSpec { PartOf = "root" } }, Ct);
        await Becomes("root", ["d"], "a new single referrer after the value emptied");
        await f.Widgets.DeleteAsync("default", "d", cancellationToken: Ct);
        await Becomes("root", [], "the single referrer deleted");

        await stop.CancelAsync();
        await run;
    }
}
