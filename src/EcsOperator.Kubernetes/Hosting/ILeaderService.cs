namespace EcsOperator.Kubernetes.Hosting;

/// <summary>
/// Background work that runs only while this replica leads, next to the controllers (controller-runtime's runnable
/// that needs leader election): a periodic sweep that feeds a controller's queue, not a controller itself.
/// </summary>
public interface ILeaderService
{
    string Name { get; }

    /// <summary>Runs until <paramref name="leading"/> fires: the host stops, or this replica lost its lease.</summary>
    Task RunAsync(CancellationToken leading);
}
