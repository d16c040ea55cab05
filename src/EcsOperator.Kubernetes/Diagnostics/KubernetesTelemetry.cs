using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace EcsOperator.Kubernetes.Diagnostics;

/// <summary>
/// The ActivitySource and Meter named <c>EcsOperator.Kubernetes</c> (subscribe with OpenTelemetry's AddSource /
/// AddMeter): a span per API call and per reconcile, and counters/histograms for the API, work queues, reconciles
/// and watch restarts.
/// </summary>
public static class KubernetesTelemetry
{
    public const string Name = "EcsOperator.Kubernetes";

    public static readonly ActivitySource ActivitySource = new(Name);

    public static readonly Meter Meter = new(Name);

    internal static readonly Counter<long> ApiRequests = Meter.CreateCounter<long>("k8s.client.requests", "{request}", "API requests by verb, resource and HTTP code");

    internal static readonly Histogram<double> ApiRequestDuration = Meter.CreateHistogram<double>("k8s.client.request.duration", "s", "API request latency (to response headers)");

    internal static readonly Counter<long> Reconciles = Meter.CreateCounter<long>("k8s.controller.reconciles", "{reconcile}", "Reconciles by kind and result (done, requeue, requeue_after, error)");

    internal static readonly Histogram<double> ReconcileDuration = Meter.CreateHistogram<double>("k8s.controller.reconcile.duration", "s", "Reconcile duration by kind");

    internal static readonly Counter<long> DecodeFailures = Meter.CreateCounter<long>("k8s.client.decode.failures", "{object}", "Listed or watched objects skipped because they could not be decoded, by resource and verb (list, watch)");

    internal static readonly Counter<long> WatchRestarts = Meter.CreateCounter<long>("k8s.informer.watch.restarts", "{restart}", "Watches restarted, by kind and reason (closed, error, gone)");

    internal static readonly UpDownCounter<long> QueueDepth = Meter.CreateUpDownCounter<long>("k8s.workqueue.depth", "{item}", "Keys waiting in a work queue");

    internal static readonly Counter<long> QueueAdds = Meter.CreateCounter<long>("k8s.workqueue.adds", "{item}", "Keys added to a work queue");

    internal static readonly Counter<long> QueueRetries = Meter.CreateCounter<long>("k8s.workqueue.retries", "{item}", "Rate-limited re-adds (retries) to a work queue");

    internal static readonly Histogram<double> QueueWait = Meter.CreateHistogram<double>("k8s.workqueue.queue.duration", "s", "Time a key waited in the queue before a worker took it");

    internal static readonly Histogram<double> QueueWork = Meter.CreateHistogram<double>("k8s.workqueue.work.duration", "s", "Time a worker spent on a key");
}
