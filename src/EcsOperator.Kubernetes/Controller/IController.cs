namespace EcsOperator.Kubernetes.Controller;

/// <summary>A runnable controller (the host starts all of them while it leads).</summary>
public interface IController
{
    string Name { get; }

    /// <summary>Waits for the informers' caches, then reconciles until <paramref name="cancellationToken"/> fires.</summary>
    Task RunAsync(CancellationToken cancellationToken);
}
