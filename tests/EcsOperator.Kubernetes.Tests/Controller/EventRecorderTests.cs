using System.Globalization;
using System.Text.RegularExpressions;
using EcsOperator.Kubernetes.Events;
using EcsOperator.Kubernetes.Model;
using EcsOperator.Kubernetes.Tests.Support;
using Xunit;
using Microsoft.Extensions.Time.Testing;

namespace EcsOperator.Kubernetes.Tests.Controller;

public sealed partial class EventRecorderTests
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Repeats_within_the_window_become_one_event_with_a_series()
    {
        await using var f = await ClientFixture.StartAsync();
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var recorder = new EventRecorder(f.Client, new EventRecorderOptions { ReportingInstance = "pod-1", WriteInBackground = false }, time);
        var widget = await f.Widgets.CreateAsync(Widget.New("w"), Ct);

        await recorder.RecordAsync(widget, Event.WarningType, "RolloutFailed", "UpdateService", "tasks failed to start", Ct);
        time.Advance(TimeSpan.FromSeconds(5));
        await recorder.RecordAsync(widget, Event.WarningType, "RolloutFailed", "UpdateService", "tasks failed to start", Ct);
        time.Advance(TimeSpan.FromSeconds(5));
        await recorder.RecordAsync(widget, Event.WarningType, "RolloutFailed", "UpdateService", "tasks failed to start", Ct);
        await recorder.RecordAsync(widget, Event.NormalType, "RolloutStarted", "UpdateService", "deployment ecs-svc/1", Ct);

        var events = f.Server.ListObjects("events.k8s.io", "events", "default");
        Assert.Equal(2, events.Count);
        var failed = events.Single(e => (string?)e["reason"] == "RolloutFailed");
        Assert.Equal(3, (int?)failed["series"]?["count"]);
        Assert.Matches(MicroTime(), (string?)failed["series"]?["lastObservedTime"]);
        Assert.Matches(MicroTime(), (string?)failed["eventTime"]);
        Assert.Equal(("Widget", "w", widget.Metadata.Uid), ((string?)failed["regarding"]?["kind"], (string?)failed["regarding"]?["name"], (string?)failed["regarding"]?["uid"]));
        Assert.Equal(("ecs.operator.dev/operator", "pod-1", "Warning"), ((string?)failed["reportingController"], (string?)failed["reportingInstance"], (string?)failed["type"]));
        Assert.Null(events.Single(e => (string?)e["reason"] == "RolloutStarted")["series"]);

        time.Advance(TimeSpan.FromMinutes(11)); // beyond the aggregation window: a fresh event
        await recorder.RecordAsync(widget, Event.WarningType, "RolloutFailed", "UpdateService", "tasks failed to start", Ct);
        Assert.Equal(3, f.Server.ListObjects("events.k8s.io", "events", "default").Count);
    }

    [Fact]
    public async Task A_full_series_table_forgets_the_least_recently_observed_series()
    {
        await using var f = await ClientFixture.StartAsync();
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var recorder = new EventRecorder(f.Client, new EventRecorderOptions { MaxTrackedSeries = 2, WriteInBackground = false }, time);
        var widget = await f.Widgets.CreateAsync(Widget.New("w"), Ct);
        Task Record(string reason)
        {
            time.Advance(TimeSpan.FromSeconds(1));
            return recorder.RecordAsync(widget, Event.NormalType, reason, "Reconcile", "note", Ct);
        }

        await Record("A");
        await Record("B");
        await Record("A"); // observed again: B is now the oldest
        await Record("C"); // the table is full: B is forgotten, A kept
        await Record("A"); // still tracked: its series is patched
        await Record("B"); // forgotten: a new Event

        var events = f.Server.ListObjects("events.k8s.io", "events", "default");
        Assert.Equal(4, events.Count);
        Assert.Equal(3, (int?)events.Single(e => (string?)e["reason"] == "A")["series"]?["count"]);
        Assert.Equal(2, events.Count(e => (string?)e["reason"] == "B"));
        Assert.All(events.Where(e => (string?)e["reason"] != "A"), e => Assert.Null(e["series"]));
    }

    [Fact]
    public async Task Each_object_is_rate_limited_and_failures_never_throw()
    {
        await using var f = await ClientFixture.StartAsync();
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var recorder = new EventRecorder(f.Client, new EventRecorderOptions { PerObjectBurst = 5, WriteInBackground = false }, time);
        var noisy = await f.Widgets.CreateAsync(Widget.New("noisy"), Ct);
        var quiet = await f.Widgets.CreateAsync(Widget.New("quiet"), Ct);
        for (var i = 0; i < 8; i++)
        {
            await recorder.RecordAsync(noisy, Event.NormalType, "Tick", "Reconcile", $"tick {i}", Ct);
        }

        await recorder.RecordAsync(quiet, Event.NormalType, "Tick", "Reconcile", "hello", Ct);
        Assert.Equal(5, f.Server.ListObjects("events.k8s.io", "events").Count(e => (string?)e["regarding"]?["name"] == "noisy"));
        Assert.Single(f.Server.ListObjects("events.k8s.io", "events"), e => (string?)e["regarding"]?["name"] == "quiet");
        Assert.Equal(3, recorder.Dropped);

        f.Server.FailNext(1, 500);
        await recorder.RecordAsync(quiet, Event.NormalType, "Other", "Reconcile", "server down", Ct); // logged, not thrown
    }

    [Fact]
    public async Task An_objects_rate_limit_refills_at_its_rate_up_to_its_burst()
    {
        await using var f = await ClientFixture.StartAsync();
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var recorder = new EventRecorder(f.Client, new EventRecorderOptions { PerObjectBurst = 2, PerObjectQps = 0.5, WriteInBackground = false }, time);
        var noisy = await f.Widgets.CreateAsync(Widget.New("noisy"), Ct);
        var sent = 0;
        async Task Send(int count)
        {
            for (var i = 0; i < count; i++)
            {
                await recorder.RecordAsync(noisy, Event.NormalType, "Tick", "Reconcile", $"tick {sent++}", Ct);
            }
        }

        await Send(3);
        Assert.Equal(1, recorder.Dropped); // the burst of 2
        time.Advance(TimeSpan.FromSeconds(1)); // half a token: still none
        await Send(1);
        Assert.Equal(2, recorder.Dropped);
        time.Advance(TimeSpan.FromSeconds(1)); // the refill kept counting across the refused attempt: one token
        await Send(2);
        Assert.Equal(3, recorder.Dropped);
        time.Advance(TimeSpan.FromMinutes(10)); // refilled to the burst, not beyond
        await Send(3);
        Assert.Equal(4, recorder.Dropped);
        Assert.Equal(sent - recorder.Dropped, f.Server.ListObjects("events.k8s.io", "events").Count(e => (string?)e["regarding"]?["name"] == "noisy"));
    }

    [Fact]
    public async Task In_the_background_an_objects_events_are_written_in_order_and_repeats_still_become_a_series()
    {
        await using var f = await ClientFixture.StartAsync();
        var recorder = new EventRecorder(f.Client, new EventRecorderOptions { ReportingInstance = "pod-1" });
        var widget = await f.Widgets.CreateAsync(Widget.New("w"), Ct);

        // Recorded back to back, before any of them is written: the repeats patch the first one's series.
        for (var i = 0; i < 3; i++)
            await recorder.RecordAsync(widget, Event.WarningType, "RolloutFailed", "UpdateService", "tasks failed to start", Ct);
        await recorder.RecordAsync(widget, Event.NormalType, "RolloutStarted", "UpdateService", "deployment ecs-svc/1", Ct);

        await Eventually.TrueAsync(() => f.Server.ListObjects("events.k8s.io", "events", "default")
            .Any(e => (string?)e["reason"] == "RolloutStarted"), "the last event written");
        var events = f.Server.ListObjects("events.k8s.io", "events", "default");
        Assert.Equal(2, events.Count);
        var failed = events.Single(e => (string?)e["reason"] == "RolloutFailed");
        Assert.Equal(3, (int?)failed["series"]?["count"]);
        Assert.True(long.Parse((string)failed["metadata"]!["resourceVersion"]!, CultureInfo.InvariantCulture)
            < long.Parse((string)events.Single(e => (string?)e["reason"] == "RolloutStarted")["metadata"]!["resourceVersion"]!, CultureInfo.InvariantCulture),
            "written in the order recorded");
    }

    [GeneratedRegex(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$")]
    private static partial Regex MicroTime();
}
