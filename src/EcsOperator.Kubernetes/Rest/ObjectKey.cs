using EcsOperator.Kubernetes.Model;

namespace EcsOperator.Kubernetes.Rest;

/// <summary>
/// An object's identity within one kind: <c>namespace/name</c> (or just <c>name</c> for cluster-scoped kinds). Used
/// as cache key and work-queue item.
/// </summary>
public readonly record struct ObjectKey(string? Namespace, string Name)
{
    /// <summary>The key of <paramref name="obj"/>.</summary>
    public static ObjectKey Of(IKubernetesObject obj)
    {
        ArgumentNullException.ThrowIfNull(obj);
        return new ObjectKey(
            string.IsNullOrEmpty(obj.Metadata.Namespace) ? null : obj.Metadata.Namespace,
            obj.Metadata.Name ?? throw new ArgumentException($"{obj.Kind} has no metadata.name", nameof(obj)));
    }

    /// <summary>Parses <c>ns/name</c> or <c>name</c>.</summary>
    public static ObjectKey Parse(string key)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        var slash = key.IndexOf('/', StringComparison.Ordinal);
        return slash < 0 ? new ObjectKey(null, key) : new ObjectKey(key[..slash], key[(slash + 1)..]);
    }

    public override string ToString() => Namespace is null ? Name : $"{Namespace}/{Name}";
}
