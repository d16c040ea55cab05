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
            if (ReferenceEquals(obj, updated))
            {
                return obj;
            }

            // Each side serialized once: the comparison's bytes of the updated object are the body written.
            var body = JsonSerializer.SerializeToUtf8Bytes(updated, client.TypeInfo);
            if (body.AsSpan().SequenceEqual(JsonSerializer.SerializeToUtf8Bytes(obj, client.TypeInfo)))
            {
                return obj;
            }

            try
            {
                return await client.ReplaceAsync(updated, body, "status", cancellationToken);
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
    /// <paramref name="obj"/> as JSON with <paramref name="metadata"/> in place of its own: its serialized bytes with
    /// the metadata's value spliced in (no document of it, no object built from it).
    /// </summary>
    internal static byte[] WithMetadataJson<T>(IResourceClient<T> client, T obj, ObjectMeta metadata)
        where T : class, IKubernetesObject
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(obj, client.TypeInfo);
        var meta = JsonSerializer.SerializeToUtf8Bytes(metadata, KubernetesModelJsonContext.Default.ObjectMeta);
        var reader = new Utf8JsonReader(json);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException($"{client.Type.Kind} does not serialize to a JSON object");
        }

        var properties = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            properties++;
            var isMetadata = reader.ValueTextEquals("metadata"u8);
            reader.Read();
            var start = (int)reader.TokenStartIndex;
            reader.Skip();
            if (isMetadata)
            {
                return [.. json.AsSpan(0, start), .. meta, .. json.AsSpan((int)reader.BytesConsumed)];
            }
        }

        // No metadata (a kind that omits it when null): added as the last property.
        var end = (int)reader.TokenStartIndex;
        return [.. json.AsSpan(0, end), .. (properties > 0 ? ","u8 : []), .. "\"metadata\":"u8, .. meta, .. json.AsSpan(end)];
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

            var metadata = obj.Metadata with { Finalizers = finalizers };
            try
            {
                // The object's own JSON with the edited metadata is the body: no object is built from it only to be
                // serialized again.
                var stored = await client.ReplaceAsync(obj, WithMetadataJson(client, obj, metadata), null, cancellationToken);
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
}
