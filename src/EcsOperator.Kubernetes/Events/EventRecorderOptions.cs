namespace EcsOperator.Kubernetes.Events;

/// <summary>Identity and throttling of the event recorder.</summary>
public sealed record EventRecorderOptions
{
    /// <summary>events.k8s.io reportingController, e.g. <c>ecs.operator.dev/operator</c>.</summary>
    public string ReportingController { get; init; } = "ecs.operator.dev/operator";

    /// <summary>reportingInstance, e.g. the pod name.</summary>
    public string ReportingInstance { get; init; } = Environment.MachineName;

    /// <summary>Repeats of the same event within this window update the series instead of creating an Event.</summary>
    public TimeSpan AggregationWindow { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>Per-object burst of events (client-go's spam filter: 25) ...</summary>
    public int PerObjectBurst { get; init; } = 25;

    /// <summary>... refilled at this rate (client-go: one per 5 minutes).</summary>
    public double PerObjectQps { get; init; } = 1.0 / 300;

    /// <summary>
    /// Write events after <see cref="EventRecorder.RecordAsync"/> returns (client-go's broadcaster), so a reconcile does
    /// not wait for an API round trip per event; false writes before returning (tests that read the event next).
    /// </summary>
    public bool WriteInBackground { get; init; } = true;

    /// <summary>Background writers; an object's events always go through the same one, in order.</summary>
    public int BackgroundWriters { get; init; } = 4;

    /// <summary>Events waiting per background writer; beyond it new events are dropped (and counted), as client-go's 1,000.</summary>
    public int BackgroundCapacity { get; init; } = 1000;

    /// <summary>Bound on remembered series (oldest forgotten first).</summary>
    public int MaxTrackedSeries { get; init; } = 4096;
}
