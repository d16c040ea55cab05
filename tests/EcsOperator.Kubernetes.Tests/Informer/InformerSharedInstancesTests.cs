using EcsOperator.Kubernetes.Informer;
using EcsOperator.Kubernetes.Rest;
using EcsOperator.Kubernetes.Tests.Support;
using Xunit;

namespace EcsOperator.Kubernetes.Tests.Informer;

/// <summary>
/// Every version of a cached object is a fresh decode. Its name, uid and unchanged maps must be the instances the
/// first version brought, or each long-lived holder of them (queue and cache keys, event series, verified revisions)
/// keeps the copy of whichever version it saw: 3 to 5 copies per object at 10,000 objects (issue 11's heap dumps).
/// </summary>
public sealed class InformerSharedInstancesTests
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_new_version_holds_the_previous_versions_name_uid_and_unchanged_labels_and_a_recreated_object_its_own()
    {
        await using var f = await ClientFixture.StartAsync();
        await f.Widgets.CreateAsync(Widget.New("w", size: 1, labels: new Dictionary<string, string> { ["app"] = "web" }), Ct);
        var informer = new Informer<Widget>(f.Widgets, InformerTests.Fast);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var run = informer.RunAsync(stop.Token);
        await informer.WaitForSyncAsync(Ct).WaitAsync(TimeSpan.FromSeconds(10), Ct);
        var key = new ObjectKey("default", "w");
        var first = informer.Cache.Get(key)!;

        await f.Widgets.PatchAsync("default", "w", KubernetesPatch.Merge("""{"spec":{"size":2}}"""), Ct);
        await Eventually.TrueAsync(() => informer.Cache.Get(key)?.Spec.Size == 2, "the spec change cached");
        var second = informer.Cache.Get(key)!;
        Assert.NotSame(first, second);
        Assert.NotEqual(first.Metadata.ResourceVersion, second.Metadata.ResourceVersion);
        Assert.Same(first.Metadata.Uid, second.Metadata.Uid);
        Assert.Same(first.Metadata.Name, second.Metadata.Name);
        Assert.Same(first.Metadata.Namespace, second.Metadata.Namespace);
        Assert.Same(first.Metadata.Labels, second.Metadata.Labels);

        // Changed labels are the new version's own; the identity stays shared.
        await f.Widgets.PatchAsync("default", "w", KubernetesPatch.Merge("""{"metadata":{"labels":{"app":"api"}}}"""), Ct);
        await Eventually.TrueAsync(() => informer.Cache.Get(key)?.Metadata.Labels?["app"] == "api", "the label change cached");
        var third = informer.Cache.Get(key)!;
        Assert.Equal("web", first.Metadata.Labels!["app"]);
        Assert.Same(first.Metadata.Uid, third.Metadata.Uid);

        // Another object of the same name (a new uid) shares nothing by way of the old one.
        await f.Widgets.DeleteAsync("default", "w", cancellationToken: Ct);
        await Eventually.TrueAsync(() => informer.Cache.Get(key) is null, "the delete cached");
        await f.Widgets.CreateAsync(Widget.New("w", size: 3, labels: new Dictionary<string, string> { ["app"] = "api" }), Ct);
        await Eventually.TrueAsync(() => informer.Cache.Get(key)?.Spec.Size == 3, "the new object cached");
        var recreated = informer.Cache.Get(key)!;
        Assert.NotEqual(first.Metadata.Uid, recreated.Metadata.Uid);
        Assert.NotSame(third.Metadata.Labels, recreated.Metadata.Labels);

        await stop.CancelAsync();
        await run.WaitAsync(TimeSpan.FromSeconds(10), Ct);
    }
}
