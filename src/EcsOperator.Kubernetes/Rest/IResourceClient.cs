using System.Text.Json.Serialization.Metadata;
using EcsOperator.Kubernetes.Model;

namespace EcsOperator.Kubernetes.Rest;

/// <summary>
/// Typed REST verbs for one <see cref="ResourceType"/>. Errors are <see cref="KubernetesApiException"/> subclasses.
/// For cluster-scoped kinds pass <c>null</c> as namespace.
/// </summary>
public interface IResourceClient<T> : IListWatchClient<T>
    where T : class, IKubernetesObject
{
    ResourceType Type { get; }

    JsonTypeInfo<T> TypeInfo { get; }

    /// <summary>Reads one object; throws <see cref="NotFoundException"/> when absent.</summary>
    Task<T> GetAsync(string? ns, string name, CancellationToken cancellationToken = default);

    /// <summary>Reads one object, or null when it does not exist.</summary>
    Task<T?> TryGetAsync(string? ns, string name, CancellationToken cancellationToken = default);

    /// <summary>Follows continue tokens until the last page.</summary>
    IAsyncEnumerable<T> ListAllAsync(string? ns, ListOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Creates; the namespace comes from <c>obj.metadata.namespace</c>.</summary>
    Task<T> CreateAsync(T obj, CancellationToken cancellationToken = default);

    /// <summary>PUT; when <c>metadata.resourceVersion</c> is set a stale version yields <see cref="ConflictException"/>.</summary>
    Task<T> ReplaceAsync(T obj, CancellationToken cancellationToken = default);

    /// <summary>PUT <c>/status</c>: only the status is taken from <paramref name="obj"/>.</summary>
    Task<T> ReplaceStatusAsync(T obj, CancellationToken cancellationToken = default);

    /// <summary>
    /// <see cref="ReplaceAsync(T, CancellationToken)"/> (or, with <paramref name="subresource"/> "status",
    /// <see cref="ReplaceStatusAsync"/>) with <paramref name="utf8Json"/> as the body: the caller serialized the object
    /// already (to compare it, or with its metadata edited); <paramref name="obj"/> names the object.
    /// </summary>
    Task<T> ReplaceAsync(IKubernetesObject obj, byte[] utf8Json, string? subresource, CancellationToken cancellationToken = default);

    /// <summary>Creates, without decoding the stored object the server answers with (for a writer that never reads it).</summary>
    Task CreateAndForgetAsync(T obj, CancellationToken cancellationToken = default);

    /// <summary><see cref="PatchAsync"/> without decoding the stored object the server answers with.</summary>
    Task PatchAndForgetAsync(string? ns, string name, KubernetesPatch patch, CancellationToken cancellationToken = default);

    Task<T> PatchAsync(string? ns, string name, KubernetesPatch patch, CancellationToken cancellationToken = default);

    /// <summary>PATCH <c>/status</c>.</summary>
    Task<T> PatchStatusAsync(string? ns, string name, KubernetesPatch patch, CancellationToken cancellationToken = default);

    /// <summary>
    /// Deletes. Returns the object when the server keeps it around (finalizers pending, returned with a
    /// deletionTimestamp), null when it answered with a Status (gone).
    /// </summary>
    Task<T?> DeleteAsync(string? ns, string name, DeleteOptions? options = null, CancellationToken cancellationToken = default);
}
