using EcsOperator.Kubernetes.Model;

namespace EcsOperator.Kubernetes.Informer;

/// <summary>
/// Callbacks of an informer. They run on the informer's delivery path and must be quick (enqueue a key).
/// <c>OnDelete</c>'s flag is true when the deletion was inferred from a re-list (the last state seen may be stale,
/// like client-go's DeletedFinalStateUnknown).
/// </summary>
public sealed record ResourceEventHandler<T>
    where T : class, IKubernetesObject
{
    public Action<T>? OnAdd { get; init; }

    /// <summary>(old, new); also called with the same object twice on a periodic resync.</summary>
    public Action<T, T>? OnUpdate { get; init; }

    /// <summary>(last known state, final state unknown).</summary>
    public Action<T, bool>? OnDelete { get; init; }
}
