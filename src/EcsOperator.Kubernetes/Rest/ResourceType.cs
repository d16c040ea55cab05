using System.Text;

namespace EcsOperator.Kubernetes.Rest;

/// <summary>
/// Identifies a REST resource: <c>/apis/{Group}/{Version}/namespaces/{ns}/{Plural}</c> (or <c>/api/v1/...</c> for the
/// core group, whose <see cref="Group"/> is empty).
/// </summary>
public sealed record ResourceType(string Group, string Version, string Plural, string Kind, bool Namespaced)
{
    /// <summary>events.k8s.io/v1 Events.</summary>
    public static readonly ResourceType Events = new("events.k8s.io", "v1", "events", "Event", Namespaced: true);

    /// <summary>coordination.k8s.io/v1 Leases.</summary>
    public static readonly ResourceType Leases = new("coordination.k8s.io", "v1", "leases", "Lease", Namespaced: true);

    /// <summary>v1 Namespaces.</summary>
    public static readonly ResourceType Namespaces = new(string.Empty, "v1", "namespaces", "Namespace", Namespaced: false);

    /// <summary><c>group/version</c>, or just <c>version</c> for the core group.</summary>
    public string ApiVersion => Group.Length == 0 ? Version : $"{Group}/{Version}";

    /// <summary>e.g. <c>ecsservices.ecs.operator.dev</c>.</summary>
    public string GroupResource => Group.Length == 0 ? Plural : $"{Plural}.{Group}";

    /// <summary>
    /// The request path for a collection (<paramref name="name"/> null) or one object, optionally a subresource.
    /// <paramref name="ns"/> null on a namespaced type means "all namespaces" (list/watch only).
    /// </summary>
    public string PathFor(string? ns, string? name = null, string? subresource = null)
    {
        var sb = new StringBuilder(Group.Length == 0 ? "/api/" : $"/apis/{Group}/");
        sb.Append(Version);
        if (Namespaced && ns is not null)
        {
            sb.Append("/namespaces/").Append(Uri.EscapeDataString(ns));
        }
        else if (!Namespaced && ns is not null)
        {
            throw new ArgumentException($"{GroupResource} is cluster-scoped; no namespace may be given (got '{ns}')", nameof(ns));
        }

        sb.Append('/').Append(Plural);
        if (name is not null)
        {
            if (name.Length == 0)
            {
                throw new ArgumentException("Object name must not be empty", nameof(name));
            }

            sb.Append('/').Append(Uri.EscapeDataString(name));
            if (subresource is not null)
            {
                sb.Append('/').Append(subresource);
            }
        }

        return sb.ToString();
    }

    public override string ToString() => GroupResource;
}
