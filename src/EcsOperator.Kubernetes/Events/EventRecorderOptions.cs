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

    /// <summary>Bound on remembered series (oldest forgotten first).</summary>
    public int MaxTrackedSeries { get; init; } = 4096;
}
