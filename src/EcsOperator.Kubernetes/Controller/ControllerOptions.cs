using EcsOperator.Kubernetes.Queue;

namespace EcsOperator.Kubernetes.Controller;

/// <summary>Concurrency and shutdown behaviour of a controller.</summary>
public sealed record ControllerOptions
{
    /// <summary>Parallel reconciles (distinct keys only; one key never runs twice at once).</summary>
    public int Workers { get; init; } = 2;

    /// <summary>
    /// On stop, in-flight reconciles get this long to finish before their token is cancelled. The default stays
    /// below the operator host's 25 s shutdown timeout, itself below Kubernetes' 30 s termination grace period, so
    /// reconciles are cancelled (and requeued by the next leader) rather than killed mid-call.
    /// </summary>
    public TimeSpan ShutdownTimeout { get; init; } = TimeSpan.FromSeconds(20);

    public WorkQueueOptions Queue { get; init; } = new();
}
