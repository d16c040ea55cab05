using System.Text.Json;
using EcsOperator.Kubernetes.Model;
using EcsOperator.Kubernetes.Rest;

namespace EcsOperator.Kubernetes.Controller;

/// <summary>
/// Conflict-safe writes for reconcilers: status updates and finalizers. Each applies a mutation to the object,
/// writes it with its resourceVersion and, on 409 Conflict, re-reads the object and applies the mutation again
/// (a bounded number of times), so concurrent writers never clobber each other.
/// </summary>
public static class ObjectUpdates
{
    /// <summary>Default attempts for conflict retries.</summary>
    public const int DefaultAttempts = 5;

    /// <summary>
    /// Writes <c>/status</c> with <paramref name="mutate"/>(object). Skips the write when the mutation changes
    /// nothing. Returns the object as stored.
    /// </summary>
    public static async Task<T> UpdateStatusAsync<T>(this IResourceClient<T> client, T current, Func<T, T> mutate,
        CancellationToken cancellationToken = default, int attempts = DefaultAttempts)
        where T : class, IKubernetesObject
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(mutate);
        var obj = current;
        for (var attempt = 1; ; attempt++)
        {
            var updated = mutate(obj);
            if (SameJson(client, obj, updated))
            {
                return obj;
            }

            try
            {
                return await client.ReplaceStatusAsync(updated, cancellationToken);
            }
            catch (ConflictException) when (attempt < attempts)
            {
                obj = await client.GetAsync(obj.Metadata.Namespace, obj.Metadata.Name!, cancellationToken);
            }
        }
    }

    /// <summary>Adds <paramref name="finalizer"/> unless present; returns the stored object.</summary>
    public static Task<T> EnsureFinalizerAsync<T>(this IResourceClient<T> client, T current, string finalizer,
        CancellationToken cancellationToken = default)
        where T : class, IKubernetesObject =>
        EditFinalizersAsync(client, current, finalizer, add: true, cancellationToken)!;

    /// <summary>
    /// Removes <paramref name="finalizer"/> if present; returns the stored object, or null when removing the last
    /// finalizer let the server delete the object (or it was already gone).
    /// </summary>
    public static Task<T?> RemoveFinalizerAsync<T>(this IResourceClient<T> client, T current, string finalizer,
        CancellationToken cancellationToken = default)
        where T : class, IKubernetesObject =>
        EditFinalizersAsync(client, current, finalizer, add: false, cancellationToken);

    /// <summary>Whether <paramref name="obj"/> carries <paramref name="finalizer"/>.</summary>
    public static bool HasFinalizer(this IKubernetesObject obj, string finalizer)
    {
        ArgumentNullException.ThrowIfNull(obj);
        return obj.Metadata.Finalizers?.Contains(finalizer) == true;
    }

    /// <summary>
    /// Returns a copy of <paramref name="obj"/> with its metadata replaced — lets generic code change metadata of
    /// any record type by a JSON round trip.
    /// </summary>
    public static T WithMetadata<T>(this IResourceClient<T> client, T obj, Func<ObjectMeta, ObjectMeta> edit)
        where T : class, IKubernetesObject
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(obj);
        ArgumentNullException.ThrowIfNull(edit);
        var node = JsonSerializer.SerializeToNode(obj, client.TypeInfo)!.AsObject();
        node["metadata"] = JsonSerializer.SerializeToNode(edit(obj.Metadata), KubernetesModelJsonContext.Default.ObjectMeta);
        return node.Deserialize(client.TypeInfo) ?? throw new JsonException("metadata edit produced null");
    }

    private static async Task<T?> EditFinalizersAsync<T>(IResourceClient<T> client, T current, string finalizer, bool add,
        CancellationToken cancellationToken)
        where T : class, IKubernetesObject
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(current);
        ArgumentException.ThrowIfNullOrEmpty(finalizer);
        var obj = current;
        for (var attempt = 1; ; attempt++)
        {
            var has = obj.HasFinalizer(finalizer);
            if (has == add)
            {
                return obj;
            }

            var finalizers = (obj.Metadata.Finalizers ?? []).Where(f => f != finalizer).ToList();
            if (add)
            {
                finalizers.Add(finalizer);
            }

            var updated = client.WithMetadata(obj, m => m with { Finalizers = finalizers });
            try
            {
                var stored = await client.ReplaceAsync(updated, cancellationToken);
                // Removing the last finalizer of a deleting object lets the server delete it; the PUT may still
                // answer with the object, which is then already gone.
                return stored;
            }
            catch (NotFoundException) when (!add)
            {
                return null;
            }
            catch (ConflictException) when (attempt < DefaultAttempts)
            {
                var fresh = await client.TryGetAsync(obj.Metadata.Namespace, obj.Metadata.Name!, cancellationToken);
                if (fresh is null)
                {
                    return add ? throw new NotFoundException($"{client.Type.Kind} {ObjectKey.Of(obj)} no longer exists") : null;
                }

                obj = fresh;
            }
        }
    }

    private static bool SameJson<T>(IResourceClient<T> client, T a, T b)
        where T : class, IKubernetesObject =>
        ReferenceEquals(a, b) || JsonSerializer.Serialize(a, client.TypeInfo) == JsonSerializer.Serialize(b, client.TypeInfo);
}
