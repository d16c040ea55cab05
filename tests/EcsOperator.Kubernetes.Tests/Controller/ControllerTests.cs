using System.Collections.Concurrent;
using EcsOperator.Kubernetes.Controller;
using EcsOperator.Kubernetes.Informer;
using EcsOperator.Kubernetes.Queue;
using EcsOperator.Kubernetes.Rest;
using EcsOperator.Kubernetes.Tests.Informer;
using EcsOperator.Kubernetes.Tests.Support;
using Xunit;

namespace EcsOperator.Kubernetes.Tests.Controller;

public sealed class ControllerTests
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;

    private static readonly ControllerOptions FastRetry = new()
    {
        Workers = 4,
        ShutdownTimeout = TimeSpan.FromSeconds(5),
        Queue = new WorkQueueOptions { BaseDelay = TimeSpan.FromMilliseconds(1), MaxDelay = TimeSpan.FromMilliseconds(50) },
    };

    [Fact]
    public async Task Reconciles_each_object_and_a_deleted_object_with_not_found_semantics()
    {
        await using var f = await ClientFixture.StartAsync();
        await f.Widgets.CreateAsync(Widget.New("a"), Ct);
        var reconciler = new RecordingReconciler(_ => ReconcileResult.Done);
        await using var running = await RunningController.StartAsync(f, reconciler, FastRetry);

        await Eventually.TrueAsync(() => reconciler.Seen("default/a").Any(r => r.Object is not null), "initial reconcile");
        await f.Widgets.DeleteAsync("default", "a", cancellationToken: Ct);
        await Eventually.TrueAsync(() => reconciler.Seen("default/a").Any(r => r.IsGone), "reconciled as gone");
    }

    [Fact]
    public async Task Failures_are_retried_with_backoff_until_they_succeed_and_never_dropped()
    {
        await using var f = await ClientFixture.StartAsync();
        var attempts = 0;
        var reconciler = new RecordingReconciler(_ => Interlocked.Increment(ref attempts) < 4
            ? throw new InvalidOperationException("AWS said no")
            : ReconcileResult.Done);
        await using var running = await RunningController.StartAsync(f, reconciler, FastRetry);
        await f.Widgets.CreateAsync(Widget.New("flaky"), Ct);
        await Eventually.TrueAsync(() => Volatile.Read(ref attempts) >= 4, "retried after failures");
        await Eventually.TrueAsync(() => running.Controller.Queue.NumRequeues(new ObjectKey("default", "flaky")) == 0, "backoff reset after success");
        await Task.Delay(100, Ct);
        Assert.Equal(4, Volatile.Read(ref attempts)); // done: no more retries
    }

    [Fact]
    public async Task Requeue_runs_again_with_growing_backoff_until_done()
    {
        await using var f = await ClientFixture.StartAsync();
        var calls = 0;
        var reconciler = new RecordingReconciler(_ => Interlocked.Increment(ref calls) < 3 ? ReconcileResult.Requeue : ReconcileResult.Done);
        await using var running = await RunningController.StartAsync(f, reconciler, FastRetry);
        await f.Widgets.CreateAsync(Widget.New("waiting"), Ct);
        await Eventually.TrueAsync(() => Volatile.Read(ref calls) == 3, "requeued twice then done");
        await Eventually.TrueAsync(() => running.Controller.Queue.NumRequeues(new ObjectKey("default", "waiting")) == 0, "backoff forgotten when done");
    }

    [Fact]
    public async Task RequeueAfter_runs_the_reconcile_again_after_the_delay()
    {
        await using var f = await ClientFixture.StartAsync();
        var calls = 0;
        var reconciler = new RecordingReconciler(_ => Interlocked.Increment(ref calls) < 3 ? ReconcileResult.After(TimeSpan.FromMilliseconds(30)) : ReconcileResult.Done);
        await using var running = await RunningController.StartAsync(f, reconciler, FastRetry);
        await f.Widgets.CreateAsync(Widget.New("poll"), Ct);
        await Eventually.TrueAsync(() => Volatile.Read(ref calls) == 3, "polled three times");
    }

    [Fact]
    public async Task A_change_of_a_secondary_object_enqueues_the_primaries_that_reference_it_via_an_index()
    {
        await using var f = await ClientFixture.StartAsync();
        // Widgets with spec.partOf=<name> are the "primaries" of the widget <name> (like services of a task definition).
        var primaries = new Informer<Widget>(f.Widgets, InformerTests.Fast with { LabelSelector = "role=primary" });
        var secondaries = new Informer<Widget>(f.Widgets, InformerTests.Fast with { LabelSelector = "role=secondary" });
        primaries.AddIndex("partOf", w => w.Spec.PartOf is { } p ? [$"{w.Metadata.Namespace}/{p}"] : []);
        var reconciler = new RecordingReconciler(_ => ReconcileResult.Done);
        var controller = new Controller<Widget>("widgets", primaries, reconciler, FastRetry);
        controller.Watches(secondaries, controller.ByIndex<Widget>("partOf", s => $"{s.Metadata.Namespace}/{s.Metadata.Name}"));
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var tasks = new[] { primaries.RunAsync(stop.Token), secondaries.RunAsync(stop.Token), controller.RunAsync(stop.Token) };

        var primary = new Dictionary<string, string> { ["role"] = "primary" };
        var secondary = new Dictionary<string, string> { ["role"] = "secondary" };
        await f.Widgets.CreateAsync(Widget.New("td", labels: secondary), Ct);
        await f.Widgets.CreateAsync(Widget.New("svc1", labels: primary) with { Spec = new WidgetSpec { PartOf = "td" } }, Ct);
        await f.Widgets.CreateAsync(Widget.New("svc2", labels: primary) with { Spec = new WidgetSpec { PartOf = "td" } }, Ct);
        await f.Widgets.CreateAsync(Widget.New("unrelated", labels: primary), Ct);
        await Eventually.TrueAsync(() => reconciler.Count("default/svc1") >= 1 && reconciler.Count("default/svc2") >= 1 && reconciler.Count("default/unrelated") == 1
            && secondaries.Cache.Count == 1 && controller.Queue.Count == 0 && controller.Queue.InFlightCount == 0, "initial reconciles settled");
        await Task.Delay(50, Ct);
        var (before1, before2) = (reconciler.Count("default/svc1"), reconciler.Count("default/svc2"));

        await f.Widgets.PatchAsync("default", "td", KubernetesPatch.Merge("""{"spec":{"size":5}}"""), Ct);
        await Eventually.TrueAsync(() => reconciler.Count("default/svc1") > before1 && reconciler.Count("default/svc2") > before2, "primaries re-reconciled");
        await Task.Delay(100, Ct);
        Assert.Equal(1, reconciler.Count("default/unrelated"));
        Assert.Equal(0, reconciler.Count("default/td"));

        await stop.CancelAsync();
        await Task.WhenAll(tasks);
    }

    [Fact]
    public async Task A_status_write_never_reconciles_its_own_object_but_a_spec_or_label_change_does()
    {
        await using var f = await ClientFixture.StartAsync();
        var reconciler = new RecordingReconciler(_ => ReconcileResult.Done);
        await using var running = await RunningController.StartAsync(f, reconciler, FastRetry);
        var w = await f.Widgets.CreateAsync(Widget.New("quiet"), Ct);
        await Eventually.TrueAsync(() => reconciler.Count("default/quiet") == 1, "initial reconcile");

        w = await f.Widgets.ReplaceStatusAsync(w with { Status = new WidgetStatus { Phase = "Ready", ObservedGeneration = 1 } }, Ct);
        await f.Widgets.ReplaceStatusAsync(w with { Status = new WidgetStatus { Phase = "Still", ObservedGeneration = 1 } }, Ct);
        await Eventually.TrueAsync(() => running.Controller.Informer.Cache.Get(new ObjectKey("default", "quiet"))?.Status?.Phase == "Still", "status seen by the informer");
        await Task.Delay(100, Ct);
        Assert.Equal(1, reconciler.Count("default/quiet"));

        await f.Widgets.PatchAsync("default", "quiet", KubernetesPatch.Merge("""{"spec":{"size":2}}"""), Ct);
        await Eventually.TrueAsync(() => reconciler.Count("default/quiet") == 2, "spec change reconciled");
        await f.Widgets.PatchAsync("default", "quiet", KubernetesPatch.Merge("""{"metadata":{"labels":{"team":"a"}}}"""), Ct);
        await Eventually.TrueAsync(() => reconciler.Count("default/quiet") == 3, "label change reconciled");
        await Task.Delay(100, Ct);
        Assert.Equal(3, reconciler.Count("default/quiet"));
    }

    [Fact]
    public async Task A_spec_change_while_its_object_is_being_reconciled_runs_again_even_when_the_reconcile_asks_for_the_next_resync()
    {
        // The lost wake-up under load: a key updated while a worker reconciles it must run once more afterwards with
        // the new spec, not wait for the resync that the running reconcile schedules (here one hour away).
        await using var f = await ClientFixture.StartAsync();
        var inFirst = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var releaseFirst = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var calls = 0;
        var reconciler = new RecordingReconciler(async (r, ct) =>
        {
            if (Interlocked.Increment(ref calls) == 1)
            {
                inFirst.TrySetResult();
                await releaseFirst.Task.WaitAsync(ct);
            }

            return ReconcileResult.After(TimeSpan.FromHours(1));
        });
        await using var running = await RunningController.StartAsync(f, reconciler, FastRetry);
        await f.Widgets.CreateAsync(Widget.New("racy"), Ct);
        await inFirst.Task.WaitAsync(TimeSpan.FromSeconds(10), Ct);

        await f.Widgets.PatchAsync("default", "racy", KubernetesPatch.Merge("""{"spec":{"size":7}}"""), Ct);
        await Eventually.TrueAsync(() => running.Controller.Informer.Cache.Get(new ObjectKey("default", "racy"))?.Spec.Size == 7, "spec change seen by the informer");
        Assert.Equal(1, reconciler.Count("default/racy")); // never concurrently with the running reconcile
        releaseFirst.TrySetResult();

        await Eventually.TrueAsync(() => reconciler.Seen("default/racy").Any(r => r.Object?.Spec.Size == 7), "reconciled again with the new spec");
        await Task.Delay(100, Ct);
        Assert.Equal(2, reconciler.Count("default/racy"));
    }

    [Fact]
    public async Task A_watch_filter_drops_secondary_updates_that_do_not_matter_to_the_primaries()
    {
        await using var f = await ClientFixture.StartAsync();
        var primaries = new Informer<Widget>(f.Widgets, InformerTests.Fast with { LabelSelector = "role=primary" });
        var secondaries = new Informer<Widget>(f.Widgets, InformerTests.Fast with { LabelSelector = "role=secondary" });
        primaries.AddIndex("partOf", w => w.Spec.PartOf is { } p ? [$"{w.Metadata.Namespace}/{p}"] : []);
        var reconciler = new RecordingReconciler(_ => ReconcileResult.Done);
        var controller = new Controller<Widget>("widgets", primaries, reconciler, FastRetry);
        controller.Watches(secondaries, controller.ByIndex<Widget>("partOf", s => $"{s.Metadata.Namespace}/{s.Metadata.Name}"),
            UpdatePredicates.Changed<Widget, string?>(s => s.Status?.Phase));
        // Handlers run in the order they were added: once these have seen the adds, the controller's own handlers have
        // enqueued whatever the adds mean (a 50 ms pause assumed that of a loaded machine).
        var added = new ConcurrentDictionary<string, bool>();
        primaries.AddEventHandler(new ResourceEventHandler<Widget> { OnAdd = w => added[w.Metadata.Name!] = true });
        secondaries.AddEventHandler(new ResourceEventHandler<Widget> { OnAdd = w => added[w.Metadata.Name!] = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var tasks = new[] { primaries.RunAsync(stop.Token), secondaries.RunAsync(stop.Token), controller.RunAsync(stop.Token) };

        var td = await f.Widgets.CreateAsync(Widget.New("td", labels: new Dictionary<string, string> { ["role"] = "secondary" }), Ct);
        await f.Widgets.CreateAsync(Widget.New("svc", labels: new Dictionary<string, string> { ["role"] = "primary" }) with { Spec = new WidgetSpec { PartOf = "td" } }, Ct);
        await Eventually.TrueAsync(() => added.ContainsKey("td") && added.ContainsKey("svc") && reconciler.Count("default/svc") >= 1
            && controller.Queue.Count == 0 && controller.Queue.InFlightCount == 0, "settled");
        var before = reconciler.Count("default/svc");

        td = await f.Widgets.PatchAsync("default", "td", KubernetesPatch.Merge("""{"spec":{"size":5}}"""), Ct);
        await Eventually.TrueAsync(() => secondaries.Cache.Get(new ObjectKey("default", "td"))?.Spec.Size == 5, "spec change seen");
        await Task.Delay(100, Ct);
        Assert.Equal(before, reconciler.Count("default/svc")); // the filter only cares about status.phase

        await f.Widgets.ReplaceStatusAsync(td with { Status = new WidgetStatus { Phase = "Ready" } }, Ct);
        await Eventually.TrueAsync(() => reconciler.Count("default/svc") > before, "phase change wakes the primary");

        await stop.CancelAsync();
        await Task.WhenAll(tasks);
    }

    [Fact]
    public async Task Shutdown_lets_in_flight_reconciles_finish_and_starts_no_new_ones()
    {
        await using var f = await ClientFixture.StartAsync();
        var entered = new TaskCompletionSource();
        var release = new TaskCompletionSource();
        var finished = 0;
        var reconciler = new RecordingReconciler(async (_, token) =>
        {
            entered.TrySetResult();
            await release.Task;
            Interlocked.Increment(ref finished);
            return ReconcileResult.Done;
        });
        var running = await RunningController.StartAsync(f, reconciler, FastRetry with { Workers = 1 });
        await f.Widgets.CreateAsync(Widget.New("slow"), Ct);
        await entered.Task.WaitAsync(TimeSpan.FromSeconds(10), Ct);
        await f.Widgets.CreateAsync(Widget.New("queued"), Ct);
        await Eventually.TrueAsync(() => running.Controller.Queue.Count == 1, "second key queued");

        var stopping = running.DisposeAsync().AsTask();
        await Task.Delay(50, Ct);
        Assert.False(stopping.IsCompleted); // waits for the in-flight reconcile
        release.SetResult();
        await stopping.WaitAsync(TimeSpan.FromSeconds(10), Ct);
        Assert.Equal(1, finished);
        Assert.Equal(0, reconciler.Count("default/queued"));
    }

    [Fact]
    public async Task Abort_after_a_lost_lease_cancels_in_flight_reconciles_at_once()
    {
        await using var f = await ClientFixture.StartAsync();
        var entered = new TaskCompletionSource();
        var cancelled = new TaskCompletionSource();
        var reconciler = new RecordingReconciler(async (_, token) =>
        {
            entered.TrySetResult();
            try
            {
                await Task.Delay(Timeout.Infinite, token);
            }
            catch (OperationCanceledException)
            {
                cancelled.TrySetResult();
                throw;
            }

            return ReconcileResult.Done;
        });
        var informer = new Informer<Widget>(f.Widgets, InformerTests.Fast);
        // A long grace period: only the abort can explain a prompt cancellation.
        var controller = new Controller<Widget>("widgets", informer, reconciler, FastRetry with { Workers = 1, ShutdownTimeout = TimeSpan.FromMinutes(5) });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        using var abort = new CancellationTokenSource();
        var informerTask = informer.RunAsync(stop.Token);
        var run = controller.RunAsync(stop.Token, abort.Token);
        await f.Widgets.CreateAsync(Widget.New("busy"), Ct);
        await entered.Task.WaitAsync(TimeSpan.FromSeconds(10), Ct);

        await abort.CancelAsync();
        await stop.CancelAsync();
        await cancelled.Task.WaitAsync(TimeSpan.FromSeconds(5), Ct);
        await run.WaitAsync(TimeSpan.FromSeconds(5), Ct);
        await informerTask;
    }

    internal sealed class RecordingReconciler : IReconciler<Widget>
    {
        private readonly Func<ReconcileRequest<Widget>, CancellationToken, Task<ReconcileResult>> _body;
        private readonly ConcurrentQueue<ReconcileRequest<Widget>> _seen = new();

        public RecordingReconciler(Func<ReconcileRequest<Widget>, ReconcileResult> body) => _body = (r, _) => Task.FromResult(body(r));

        public RecordingReconciler(Func<ReconcileRequest<Widget>, CancellationToken, Task<ReconcileResult>> body) => _body = body;

        public IEnumerable<ReconcileRequest<Widget>> Seen(string key) => _seen.Where(r => r.Key.ToString() == key);

        public int Count(string key) => Seen(key).Count();

        public Task<ReconcileResult> ReconcileAsync(ReconcileRequest<Widget> request, CancellationToken cancellationToken)
        {
            _seen.Enqueue(request);
            return _body(request, cancellationToken);
        }
    }

    private sealed class RunningController : IAsyncDisposable
    {
        private readonly CancellationTokenSource _stop;
        private readonly Task _informer;
        private readonly Task _controller;

        private RunningController(Controller<Widget> controller, CancellationTokenSource stop, Task informer, Task run)
        {
            Controller = controller;
            _stop = stop;
            _informer = informer;
            _controller = run;
        }

        public Controller<Widget> Controller { get; }

        public static Task<RunningController> StartAsync(ClientFixture f, IReconciler<Widget> reconciler, ControllerOptions options)
        {
            var informer = new Informer<Widget>(f.Widgets, InformerTests.Fast);
            var controller = new Controller<Widget>("widgets", informer, reconciler, options);
            var stop = CancellationTokenSource.CreateLinkedTokenSource(Ct);
            return Task.FromResult(new RunningController(controller, stop, informer.RunAsync(stop.Token), controller.RunAsync(stop.Token)));
        }

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync();
            await _controller;
            await _informer;
            _stop.Dispose();
        }
    }
}
