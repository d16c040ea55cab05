using EcsOperator.Aws.Model;

namespace EcsOperator.Api.Tenancy;

/// <summary>
/// A Kubernetes label selector over Namespace labels: every <c>matchLabels</c> entry and every
/// <c>matchExpressions</c> requirement must hold. An empty selector (<c>{}</c>) selects every namespace.
/// </summary>
public sealed record NamespaceSelector
{
    /// <summary>Labels the namespace must carry with exactly these values.</summary>
    [SchemaMaxLength(32)]
    public IReadOnlyDictionary<string, string>? MatchLabels { get; init; }

    /// <summary>Set-based requirements (In, NotIn, Exists, DoesNotExist) on namespace labels.</summary>
    [SchemaMaxLength(32)]
    public IReadOnlyList<NamespaceSelectorRequirement>? MatchExpressions { get; init; }
}
