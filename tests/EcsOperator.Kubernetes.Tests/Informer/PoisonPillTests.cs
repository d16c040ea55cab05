using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Text.Json.Nodes;
using EcsOperator.Kubernetes.Config;
using EcsOperator.Kubernetes.Diagnostics;
using EcsOperator.Kubernetes.Informer;
using EcsOperator.Kubernetes.Rest;
using EcsOperator.Kubernetes.Tests.Support;
using Xunit;

namespace EcsOperator.Kubernetes.Tests.Informer;

/// <summary>
/// One object that cannot be decoded never stops an informer: it is skipped and reported (event on the client, log,
/// counter), and every other object of the list page or watch stream arrives.
/// </summary>
public sealed class PoisonPillTests
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;

    /// <summary>
    /// Nested deeper than the decoder's 64 levels, under a field the type does not even have (like hookDetails). As
    /// text: JsonNode itself refuses to hold it, and so does the test API server.
    /// </summary>
    private static string TooDeep(string name) =>
        $$$"""{"apiVersion":"test.example.com/v1","kind":"Widget","metadata":{"name":"{{{name}}}","namespace":"default","resourceVersion":"7"},"spec":{"size":1,"details":{{{new string('[', 200)}}}1{{{new string(']', 200)}}}}}""";

    private static string Good(string name, string resourceVersion) =>
        $$$"""{"apiVersion":"test.example.com/v1","kind":"Widget","metadata":{"name":"{{{name}}}","namespace":"default","resourceVersion":"{{{resourceVersion}}}"},"spec":{"size":1}}""";

    /// <summary>A list where the type has an object.</summary>
    private static JsonObject WrongKind(string name)
    {
        var obj = Raw(name, new JsonObject());
        obj["spec"] = new JsonArray(1, 2);
        return obj;
    }

    /// <summary>A string where the type has a number.</summary>
    private static JsonObject WrongType(string name) => Raw(name, new JsonObject { ["size"] = "huge" });

    private static JsonObject Raw(string name, JsonObject spec) => new()
    {
        ["apiVersion"] = "test.example.com/v1",
        ["kind"] = "Widget",
        ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = "default" },
        ["spec"] = spec,
    };

    private static (ConcurrentQueue<DecodeFailure> Failures, ConcurrentQueue<(string Verb, long Count)> Counted, MeterListener Listener) Observe(ClientFixture f)
    {
        var failures = new ConcurrentQueue<DecodeFailure>();
        f.Client.DecodeFailed += (_, failure) => failures.Enqueue(failure);
        var counted = new ConcurrentQueue<(string, long)>();
        var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == KubernetesTelemetry.Name && instrument.Name == "k8s.client.decode.failures")
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            var byKey = new Dictionary<string, object?>(StringComparer.Ordinal);
            foreach (var tag in tags)
            {
                byKey[tag.Key] = tag.Value;
            }

            if (byKey.GetValueOrDefault("resource") as string == Widget.Type.GroupResource)
            {
                counted.Enqueue(((string)byKey["verb"]!, value));
            }
        });
        listener.Start();
        return (failures, counted, listener);
    }

    [Fact]
    public async Task A_list_page_with_hostile_objects_among_good_ones_syncs_the_good_ones_and_reports_the_hostile_ones()
    {
        await using var f = await ClientFixture.StartAsync();
        var (failures, counted, listener) = Observe(f);
        using var _ = listener;
        await f.Widgets.CreateAsync(Widget.New("a"), Ct);
        f.Server.CreateObject("test.example.com", "widgets", WrongType("wrong"));
        await f.Widgets.CreateAsync(Widget.New("b"), Ct);
        f.Server.CreateObject("test.example.com", "widgets", WrongKind("wrong-list"));
        await f.Widgets.CreateAsync(Widget.New("c"), Ct);

        var informer = new Informer<Widget>(f.Widgets, InformerTests.Fast with { PageSize = 2 });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var run = informer.RunAsync(stop.Token);
        await informer.WaitForSyncAsync(Ct).WaitAsync(TimeSpan.FromSeconds(10), Ct);

        Assert.Equal(["a", "b", "c"], informer.Cache.List().Select(w => w.Metadata.Name).Order(StringComparer.Ordinal));
        Assert.Equal(["wrong", "wrong-list"], failures.Select(x => x.Name).Order(StringComparer.Ordinal));
        Assert.All(failures, x => Assert.Equal(("list", "default", Widget.Type), (x.Verb, x.Namespace, x.Type)));
        Assert.Equal(2, counted.Where(c => c.Verb == "list").Sum(c => c.Count));

        // Still listing and watching everything else.
        await f.Widgets.CreateAsync(Widget.New("d"), Ct);
        await Eventually.TrueAsync(() => informer.Cache.Get(new ObjectKey("default", "d")) is not null, "a later widget arrives");

        await stop.CancelAsync();
        await run.WaitAsync(TimeSpan.FromSeconds(10), Ct);
    }

    [Fact]
    public async Task A_watch_stream_with_hostile_objects_among_good_ones_delivers_the_good_ones_and_reports_the_hostile_ones()
    {
        await using var f = await ClientFixture.StartAsync();
        var (failures, counted, listener) = Observe(f);
        using var _ = listener;
        var informer = new Informer<Widget>(f.Widgets, InformerTests.Fast);
        var added = new ConcurrentQueue<string>();
        informer.AddEventHandler(new ResourceEventHandler<Widget> { OnAdd = w => added.Enqueue(w.Metadata.Name!) });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var run = informer.RunAsync(stop.Token);
        await informer.WaitForSyncAsync(Ct).WaitAsync(TimeSpan.FromSeconds(10), Ct);
        await Eventually.TrueAsync(() => f.Server.ActiveWatchCount == 1, "watch open");

        await f.Widgets.CreateAsync(Widget.New("first"), Ct);
        f.Server.CreateObject("test.example.com", "widgets", WrongType("wrong"));
        f.Server.CreateObject("test.example.com", "widgets", WrongKind("wrong-list"));
        await f.Widgets.CreateAsync(Widget.New("second"), Ct);

        await Eventually.TrueAsync(() => added.Count == 2, "both good widgets arrive");
        Assert.Equal(["first", "second"], added.ToArray());
        await Eventually.TrueAsync(() => failures.Count == 2, "both hostile widgets are reported");
        Assert.Equal(["wrong", "wrong-list"], failures.Select(x => x.Name).Order(StringComparer.Ordinal));
        Assert.All(failures, x => Assert.Equal("watch", x.Verb));
        Assert.Equal(2, counted.Where(c => c.Verb == "watch").Sum(c => c.Count));

        // The same watch goes on: no relist was needed, and later changes still arrive.
        await f.Widgets.CreateAsync(Widget.New("third"), Ct);
        await Eventually.TrueAsync(() => added.Count == 3, "a later widget arrives");
        Assert.Equal(1, informer.ListCount);

        await stop.CancelAsync();
        await run.WaitAsync(TimeSpan.FromSeconds(10), Ct);
    }

    [Fact]
    public async Task Objects_nested_deeper_than_the_decoder_allows_are_skipped_in_a_list_page_and_a_watch_stream()
    {
        var page = $$$"""{"apiVersion":"test.example.com/v1","kind":"WidgetList","metadata":{"resourceVersion":"10"},"items":[{{{Good("a", "5")}}},{{{TooDeep("deep-listed")}}},{{{Good("b", "6")}}}]}""";
        string[] stream =
        [
            $$$"""{"type":"ADDED","object":{{{Good("c", "11")}}}}""",
            $$$"""{"type":"ADDED","object":{{{TooDeep("deep-watched")}}}}""",
            $$$"""{"type":"ADDED","object":{{{Good("d", "13")}}}}""",
        ];
        using var handler = new ScriptedApiHandler(page, stream);
        using var client = new KubernetesClient(
            new k8s.KubernetesClientConfiguration { Host = "https://kube.test" },
            new KubernetesClientOptions { Qps = 1000, Burst = 1000 }, handlers: [handler]);
        var failures = new ConcurrentQueue<DecodeFailure>();
        client.DecodeFailed += (_, failure) => failures.Enqueue(failure);

        var informer = new Informer<Widget>(client.Resource(Widget.Type, TestJsonContext.Default.Widget), InformerTests.Fast);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var run = informer.RunAsync(stop.Token);
        await informer.WaitForSyncAsync(Ct).WaitAsync(TimeSpan.FromSeconds(10), Ct);
        await Eventually.TrueAsync(() => informer.Cache.List().Count == 4, "the four good widgets arrive");

        Assert.Equal(["a", "b", "c", "d"], informer.Cache.List().Select(w => w.Metadata.Name).Order(StringComparer.Ordinal));
        Assert.Equal([("list", "deep-listed"), ("watch", "deep-watched")], failures.Select(x => (x.Verb, x.Name)));
        Assert.All(failures, x => Assert.Contains("depth", x.Reason, StringComparison.OrdinalIgnoreCase));
        Assert.Equal(1, informer.ListCount);

        await stop.CancelAsync();
        await run.WaitAsync(TimeSpan.FromSeconds(10), Ct);
    }

    /// <summary>Answers a list with one fixed page and a watch with fixed lines, then holds the watch open.</summary>
    private sealed class ScriptedApiHandler(string page, IReadOnlyList<string> watchLines) : DelegatingHandler
    {
        private int watches;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var isWatch = request.RequestUri!.Query.Contains("watch=true", StringComparison.Ordinal);
            // Only the first watch gets the scripted events; a reconnect (there should be none) would see an empty stream.
            var body = !isWatch ? page : Interlocked.Increment(ref watches) == 1 ? string.Join('\n', watchLines) + "\n" : string.Empty;
            HttpContent content = isWatch
                ? new StreamContent(new HeldOpenStream(System.Text.Encoding.UTF8.GetBytes(body), cancellationToken))
                : new StringContent(body);
            return Task.FromResult(new HttpResponseMessage(System.Net.HttpStatusCode.OK) { Content = content, RequestMessage = request });
        }
    }
}
