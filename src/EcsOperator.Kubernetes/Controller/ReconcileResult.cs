namespace EcsOperator.Kubernetes.Controller;

/// <summary>What the controller does with a key after a reconcile returned (an exception means: retry with backoff).</summary>
public sealed record ReconcileResult
{
    private ReconcileResult(bool requeue, TimeSpan? requeueAfter)
    {
        ShouldRequeue = requeue;
        RequeueAfter = requeueAfter;
    }

    /// <summary>Nothing more to do until the object (or something it watches) changes, or the next resync.</summary>
    public static ReconcileResult Done { get; } = new(false, null);

    /// <summary>Run again soon, with the key's exponential backoff (e.g. waiting on something unobservable).</summary>
    public static ReconcileResult Requeue { get; } = new(true, null);

    public bool ShouldRequeue { get; }

    /// <summary>Set when a fixed delay was requested.</summary>
    public TimeSpan? RequeueAfter { get; }

    /// <summary>Run again after <paramref name="delay"/> (e.g. poll an ECS rollout every 15 s); resets the backoff.</summary>
    public static ReconcileResult After(TimeSpan delay)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(delay, TimeSpan.Zero);
        return new ReconcileResult(true, delay);
    }

    /// <summary>Label value for metrics and spans.</summary>
    public string Label => !ShouldRequeue ? "done" : RequeueAfter is null ? "requeue" : "requeue_after";

    public override string ToString() => RequeueAfter is { } d ? $"RequeueAfter({d})" : ShouldRequeue ? "Requeue" : "Done";
}
