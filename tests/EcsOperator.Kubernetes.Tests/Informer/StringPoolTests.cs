using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using EcsOperator.Kubernetes.Informer;
using EcsOperator.Kubernetes.Rest;
using EcsOperator.Kubernetes.Tests.Support;
using Xunit;

namespace EcsOperator.Kubernetes.Tests.Informer;

public sealed class StringPoolTests
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Objects_in_the_shared_informer_caches_share_one_instance_of_each_repeated_string()
    {
        await using var f = await ClientFixture.StartAsync();
        var labels = new Dictionary<string, string> { ["app.kubernetes.io/name"] = "shop" };
        await f.Widgets.CreateAsync(Widget.New("a", labels: labels) with { Spec = new WidgetSpec { Size = 1, Color = "blue" } }, Ct);
        await f.Widgets.CreateAsync(Widget.New("b", labels: labels) with { Spec = new WidgetSpec { Size = 2, Color = "blue" } }, Ct);
        var factory = new SharedInformerFactory(f.Client, InformerTests.Fast);
        var informer = factory.For(Widget.Type, TestJsonContext.Default.Widget);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var run = factory.RunAsync(stop.Token);
        await informer.WaitForSyncAsync(Ct).WaitAsync(TimeSpan.FromSeconds(10), Ct);
        // One more arrives by the watch rather than the list.
        await f.Widgets.CreateAsync(Widget.New("c", labels: labels) with { Spec = new WidgetSpec { Size = 3, Color = "blue" } }, Ct);
        await Eventually.TrueAsync(() => informer.Cache.Get(new ObjectKey("default", "c")) is not null, "watched object cached");

        var a = informer.Cache.Get(new ObjectKey("default", "a"))!;
        var b = informer.Cache.Get(new ObjectKey("default", "b"))!;
        var c = informer.Cache.Get(new ObjectKey("default", "c"))!;
        Assert.Equal((2, 3), (b.Spec.Size, c.Spec.Size)); // decoded as before
        foreach (var other in new[] { b, c })
        {
            Assert.Same(a.Metadata.Namespace, other.Metadata.Namespace);
            Assert.Same(a.ApiVersion, other.ApiVersion);
            Assert.Same(a.Kind, other.Kind);
            Assert.Same(a.Spec.Color, other.Spec.Color);
            Assert.Same(a.Metadata.Labels!.Keys.Single(), other.Metadata.Labels!.Keys.Single());
            Assert.Same(a.Metadata.Labels!.Values.Single(), other.Metadata.Labels!.Values.Single());
        }

        Assert.Equal(labels, c.Metadata.Labels);
        Assert.NotEqual(a.Metadata.Uid, b.Metadata.Uid);
        await stop.CancelAsync();
        await run.WaitAsync(TimeSpan.FromSeconds(10), Ct);
    }

    [Fact]
    public void Decodes_escaped_and_long_strings_and_keys_exactly()
    {
        var pool = new StringPool();
        var typeInfo = (JsonTypeInfo<Widget>)PooledStringConverter.Pooled(TestJsonContext.Default.Options, pool).GetTypeInfo(typeof(Widget));
        var longColor = new string('x', 1000);
        var json = $$$"""
            {"apiVersion":"test.example.com/v1","kind":"Widget",
             "metadata":{"name":"caf\u00e9 \"quoted\"","labels":{"k\u00e9y":"v\\slash","empty":""}},
             "spec":{"size":1,"color":"{{{longColor}}}","partOf":null}}
            """;
        var widget = JsonSerializer.Deserialize(json, typeInfo)!;
        Assert.Equal("café \"quoted\"", widget.Metadata.Name);
        Assert.Equal(new Dictionary<string, string> { ["kéy"] = "v\\slash", ["empty"] = "" }, widget.Metadata.Labels);
        Assert.Equal(longColor, widget.Spec.Color);
        Assert.Null(widget.Spec.PartOf);
        // Writing with the pooled contract is unchanged too.
        Assert.Equal(JsonSerializer.Serialize(widget, TestJsonContext.Default.Widget), JsonSerializer.Serialize(widget, typeInfo));

        var again = JsonSerializer.Deserialize(json, typeInfo)!;
        Assert.Same(widget.Metadata.Name, again.Metadata.Name);
        Assert.NotSame(widget.Spec.Color, again.Spec.Color); // past MaxLength: not held by the pool
    }

    [Fact]
    public void Holds_at_most_its_capacity_so_values_seen_once_do_not_pile_up()
    {
        var pool = new StringPool(capacity: 100);
        for (var i = 0; i < 10_000; i++)
        {
            pool.Intern($"uid-{i}");
            Assert.InRange(pool.Count, 1, 100);
        }

        // A value that repeats is shared again from its next occurrence on.
        var first = pool.Intern(new string("Ready".AsSpan()));
        Assert.Same(first, pool.Intern("Ready".AsSpan()));
        Assert.Same(first, pool.Intern(new string("Ready".AsSpan())));
    }

    [Fact]
    public void A_value_that_keeps_repeating_stays_one_instance_while_values_seen_once_churn_through()
    {
        var pool = new StringPool(capacity: 100);
        var ready = pool.Intern(new string("Ready".AsSpan()));
        for (var i = 0; i < 10_000; i++)
        {
            pool.Intern($"uid-{i}");
            if (i % 40 == 0)
            {
                // Seen again more often than the pool turns over (every 50 new values): the same instance every time.
                Assert.Same(ready, pool.Intern(new string("Ready".AsSpan())));
                Assert.Same(ready, pool.Intern("Ready".AsSpan()));
            }
        }

        Assert.InRange(pool.Count, 1, 100);
    }
}
