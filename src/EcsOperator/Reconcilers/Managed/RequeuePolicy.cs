using EcsOperator.Hosting;
using EcsOperator.Kubernetes.Controller;

namespace EcsOperator.Reconcilers.Managed;

/// <summary>
/// The one resync rule: every settled object (Ready, Stalled, waiting for a dependency) is looked at again after
/// <see cref="OperatorOptions.ResyncInterval"/> plus up to 10% jitter, so objects created together do not resync
/// together. Nothing else wakes a settled object except its own spec or metadata changing, or a dependency changing.
/// </summary>
public sealed class RequeuePolicy(OperatorOptions options)
{
    public TimeSpan ResyncInterval => options.ResyncInterval;

    /// <summary>The interval plus up to 10% jitter.</summary>
    public static TimeSpan Jittered(TimeSpan interval) => interval * (1 + (Random.Shared.NextDouble() * 0.1));

    /// <summary>Come back at the next jittered resync.</summary>
    public ReconcileResult Resync() => ReconcileResult.After(Jittered(options.ResyncInterval));
}
