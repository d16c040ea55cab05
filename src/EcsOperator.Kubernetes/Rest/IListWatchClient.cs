using EcsOperator.Kubernetes.Model;

namespace EcsOperator.Kubernetes.Rest;

/// <summary>What an informer needs of a resource: list and watch.</summary>
public interface IListWatchClient<T>
    where T : class, IKubernetesObject
{
    /// <summary>Lists one page. <paramref name="ns"/> null lists all namespaces.</summary>
    Task<ResourceList<T>> ListAsync(string? ns, ListOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Streams typed events until the server ends the watch (the enumeration then completes) or the token is
    /// cancelled. A watch that cannot start throws <see cref="KubernetesApiException"/> (e.g. 410 Gone).
    /// </summary>
    IAsyncEnumerable<WatchEvent<T>> WatchAsync(string? ns, WatchOptions options, CancellationToken cancellationToken = default);
}
