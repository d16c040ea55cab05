using EcsOperator.Hosting;
using EcsOperator.Kubernetes.Controller;

namespace EcsOperator.Reconcilers.Managed;

/// <summary>
/// The one resync rule: every settled object (Ready, Stalled, waiting for a dependency) is looked at again after
/// <see cref="OperatorOptions.ResyncInterval"/> plus up to 10% jitter, so objects created together do not resync
/// together. Nothing else wakes a settled object except its own spec or metadata changing, or a dependency changing.
/// </summary>
/// <remarks>A kind with an <see cref="IResyncSource"/> (batched reads) gets no per-object timer: the source enqueues it.</remarks>
public sealed class RequeuePolicy(OperatorOptions options, Func<IEnumerable<IResyncSource>>? sources = null)
{
    // Read on first use: a source is built on the controller whose reconciler uses this policy.
    private readonly Lazy<HashSet<string>> _batched = new(() => (sources?.Invoke() ?? []).Select(s => s.Kind).ToHashSet(StringComparer.Ordinal));

    public TimeSpan ResyncInterval => options.ResyncInterval;

    /// <summary>The interval plus up to 10% jitter.</summary>
    public static TimeSpan Jittered(TimeSpan interval) => interval * (1 + (Random.Shared.NextDouble() * 0.1));

    /// <summary>Come back at the next jittered resync.</summary>
    public ReconcileResult Resync() => ReconcileResult.After(Jittered(options.ResyncInterval));

    /// <summary>Come back at the next resync of <paramref name="kind"/>: its batched source's, else a jittered timer.</summary>
    public ReconcileResult Resync(string kind) => _batched.Value.Contains(kind) ? ReconcileResult.Done : Resync();
}
