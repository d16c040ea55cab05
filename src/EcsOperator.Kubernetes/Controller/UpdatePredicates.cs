using EcsOperator.Kubernetes.Model;

namespace EcsOperator.Kubernetes.Controller;

/// <summary>
/// Filters for watch updates (controller-runtime's predicates): which changes of an object are worth a reconcile.
/// Status is deliberately absent from <see cref="MetadataOrSpecChanged"/>: a reconciler writes status itself, and a
/// status write that woke the same object again would cost one more reconcile (and AWS reads) every time.
/// </summary>
public static class UpdatePredicates
{
    /// <summary>
    /// True when what a user (or a deletion) changed: <c>metadata.generation</c> (the API server bumps it on spec
    /// changes), <c>deletionTimestamp</c>, a finalizer removed, labels or annotations. An informer resync re-delivers
    /// the same instance twice; that passes, so a configured informer resync still reaches the reconciler.
    /// </summary>
    /// <remarks>
    /// A finalizer only <em>added</em> is no news: a reconciler adds its own and goes on in the same pass, so its watch
    /// event would cost one more reconcile (and queue pass) per new object, finding nothing to do. A removed finalizer
    /// still passes (a deletion may be waiting for it).
    /// </remarks>
    public static bool MetadataOrSpecChanged<T>(T old, T current)
        where T : class, IKubernetesObject
    {
        ArgumentNullException.ThrowIfNull(old);
        ArgumentNullException.ThrowIfNull(current);
        if (ReferenceEquals(old, current))
            return true;
        var (a, b) = (old.Metadata, current.Metadata);
        return a.Generation != b.Generation
            || a.DeletionTimestamp != b.DeletionTimestamp
            || FinalizerRemoved(a.Finalizers, b.Finalizers)
            || !SameMap(a.Labels, b.Labels)
            || !SameMap(a.Annotations, b.Annotations);
    }

    /// <summary>Every update passes (the behaviour without a filter).</summary>
    public static bool Any<T>(T old, T current)
        where T : class, IKubernetesObject => true;

    /// <summary>A filter that passes when <paramref name="projection"/> of the object differs (e.g. a status field others read).</summary>
    public static Func<T, T, bool> Changed<T, TValue>(Func<T, TValue> projection)
        where T : class, IKubernetesObject
    {
        ArgumentNullException.ThrowIfNull(projection);
        return (old, current) => !EqualityComparer<TValue>.Default.Equals(projection(old), projection(current));
    }

    private static bool FinalizerRemoved(IReadOnlyList<string>? before, IReadOnlyList<string>? after) =>
        (before ?? []).Except(after ?? [], StringComparer.Ordinal).Any();

    private static bool SameMap(IReadOnlyDictionary<string, string>? a, IReadOnlyDictionary<string, string>? b)
    {
        a ??= new Dictionary<string, string>();
        b ??= new Dictionary<string, string>();
        return a.Count == b.Count && a.All(kv => b.TryGetValue(kv.Key, out var v) && v == kv.Value);
    }
}
