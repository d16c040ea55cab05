namespace EcsOperator.Kubernetes.Informer;

/// <summary>The non-generic face of an informer, for starting and sync gating.</summary>
public interface IInformer
{
    string Kind { get; }

    bool HasSynced { get; }

    Task WaitForSyncAsync(CancellationToken cancellationToken);

    Task RunAsync(CancellationToken cancellationToken);
}
