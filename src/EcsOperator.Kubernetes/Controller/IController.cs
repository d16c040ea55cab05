namespace EcsOperator.Kubernetes.Controller;

/// <summary>A runnable controller (the host starts all of them while it leads).</summary>
public interface IController
{
    string Name { get; }

    /// <summary>
    /// Waits for the informers' caches, then reconciles until <paramref name="stopping"/> fires; in-flight reconciles
    /// then get a grace period to finish. <paramref name="abort"/> cancels them at once instead: a replica that lost
    /// its leader lease must not act next to the new leader.
    /// </summary>
    Task RunAsync(CancellationToken stopping, CancellationToken abort);

    /// <summary>How long the oldest running reconcile has taken so far; null when none runs (liveness checks).</summary>
    TimeSpan? OldestReconcileAge => null;

    /// <summary>Runs with a graceful stop only.</summary>
    Task RunAsync(CancellationToken cancellationToken) => RunAsync(cancellationToken, CancellationToken.None);
}
