using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using EcsOperator.Kubernetes.Controller;
using EcsOperator.Kubernetes.Diagnostics;
using EcsOperator.Kubernetes.Informer;
using EcsOperator.Kubernetes.Tests.Informer;
using EcsOperator.Kubernetes.Tests.Support;
using Xunit;

namespace EcsOperator.Kubernetes.Tests.Controller;

public sealed class TelemetryTests
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Reconciles_and_api_calls_emit_spans_and_metrics()
    {
        var spans = new ConcurrentQueue<Activity>();
        using var activityListener = new ActivityListener
        {
            ShouldListenTo = s => s.Name == KubernetesTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = spans.Enqueue,
        };
        ActivitySource.AddActivityListener(activityListener);
        var measurements = new ConcurrentQueue<(string Name, long Value, Dictionary<string, object?> Tags)>();
        using var meterListener = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == KubernetesTelemetry.Name)
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            },
        };
        meterListener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
            measurements.Enqueue((instrument.Name, value, tags.ToArray().ToDictionary(t => t.Key, t => t.Value))));
        meterListener.Start();

        await using var f = await ClientFixture.StartAsync();
        await f.Widgets.CreateAsync(Widget.New("traced", ns: "telemetry"), Ct);
        var informer = new Informer<Widget>(f.Widgets, InformerTests.Fast with { Namespaces = ["telemetry"] });
        var reconciler = new ControllerTests.RecordingReconciler(_ => ReconcileResult.After(TimeSpan.FromHours(1)));
        var controller = new Controller<Widget>("telemetry-widgets", informer, reconciler);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var tasks = new[] { informer.RunAsync(stop.Token), controller.RunAsync(stop.Token) };
        await Eventually.TrueAsync(() => reconciler.Count("telemetry/traced") == 1, "reconciled");
        await Eventually.TrueAsync(() => spans.Any(s => s.DisplayName == "reconcile Widget" && Equals(s.GetTagItem("k8s.name"), "traced")), "reconcile span");
        await stop.CancelAsync();
        await Task.WhenAll(tasks);

        var span = spans.First(s => s.DisplayName == "reconcile Widget" && Equals(s.GetTagItem("k8s.name"), "traced"));
        Assert.Equal(("telemetry", "requeue_after"), (span.GetTagItem("k8s.namespace"), span.GetTagItem("k8s.reconcile.result")));
        Assert.Contains(spans, s => s.DisplayName == "k8s list widgets.test.example.com" && Equals(s.GetTagItem("http.response.status_code"), 200));

        Assert.Contains(measurements, m => m.Name == "k8s.controller.reconciles" && Equals(m.Tags["kind"], "Widget") && Equals(m.Tags["result"], "requeue_after"));
        Assert.Contains(measurements, m => m.Name == "k8s.workqueue.adds" && Equals(m.Tags["name"], "telemetry-widgets"));
        Assert.Contains(measurements, m => m.Name == "k8s.client.requests" && Equals(m.Tags["verb"], "list") && Equals(m.Tags["code"], 200));
    }
}
