using EcsOperator.Kubernetes.Controller;
using EcsOperator.Kubernetes.Informer;
using Microsoft.Extensions.Hosting;

namespace EcsOperator.Observability;

/// <summary>The answer of a health check: healthy or not, and the reasons a human reads.</summary>
public sealed record HealthStatus(bool Healthy, IReadOnlyList<string> Problems)
{
    public static HealthStatus Ok { get; } = new(true, []);
}

/// <summary>
/// Liveness and readiness of the operator process. Live: no controller has a reconcile running longer than
/// <see cref="StuckReconcileThreshold"/> (a stuck worker that a restart would free). Ready: every informer cache has
/// synced — true on a standby replica too, which keeps warm caches without holding the lease, so a rollout can
/// proceed while another replica leads.
/// </summary>
public sealed class OperatorHealth(IEnumerable<IController> controllers, SharedInformerFactory informers, IHostApplicationLifetime? lifetime = null)
{
    /// <summary>Default <see cref="StuckReconcileThreshold"/>: well above any reconcile, whose AWS waits are requeues, not blocking.</summary>
    public static readonly TimeSpan DefaultStuckReconcileThreshold = TimeSpan.FromMinutes(10);

    private readonly IReadOnlyList<IController> _controllers = [.. controllers];

    public TimeSpan StuckReconcileThreshold { get; init; } = DefaultStuckReconcileThreshold;

    public HealthStatus Liveness()
    {
        var problems = new List<string>();
        foreach (var controller in _controllers)
        {
            if (controller.OldestReconcileAge is { } age && age > StuckReconcileThreshold)
                problems.Add($"controller {controller.Name}: a reconcile has been running for {age.TotalSeconds:0} s (limit {StuckReconcileThreshold.TotalSeconds:0} s)");
        }

        return problems.Count == 0 ? HealthStatus.Ok : new HealthStatus(false, problems);
    }

    public HealthStatus Readiness()
    {
        if (lifetime?.ApplicationStopping.IsCancellationRequested == true)
            return new HealthStatus(false, ["shutting down"]);
        var all = informers.Informers;
        if (all.Count == 0)
            return new HealthStatus(false, ["no informer started yet"]);
        var problems = all.Where(i => !i.HasSynced).Select(i => $"informer {i.Kind}: cache not synced yet").ToList();
        return problems.Count == 0 ? HealthStatus.Ok : new HealthStatus(false, problems);
    }
}
