using EcsOperator.Api.Tenancy;

namespace EcsOperator.Core.Tenancy;

/// <summary>
/// The field rules one namespace is held to: an <see cref="EcsTenantPolicySpec"/> with its defaults filled in, or the
/// strict default. Lists allow only what they name; flags default to false; absent limits are no limits.
/// </summary>
public sealed record TenantRules
{
    public IReadOnlyList<string> AllowedRoleArns { get; init; } = [];

    public IReadOnlyList<string> AllowedClusters { get; init; } = [];

    public required string TaskDefinitionFamilyPrefix { get; init; }

    public bool AllowExternalTaskDefinitions { get; init; }

    public bool AllowAdoption { get; init; }

    public IReadOnlyList<string> AllowedTargetGroupArns { get; init; } = [];

    public IReadOnlyList<string> AllowedSecretArnPrefixes { get; init; } = [];

    public bool AllowPrivileged { get; init; }

    public bool AllowHostNamespaces { get; init; }

    public int? MaxDesiredCount { get; init; }

    public int? MaxCapacity { get; init; }

    /// <summary>
    /// The prefix of the operator's default names for a namespace: <c>&lt;namespace&gt;_</c>. A namespace name (an RFC
    /// 1123 label) holds no '_', so one namespace's prefix never covers another's names, as <c>a-</c> would cover
    /// <c>a-b-</c>'s.
    /// </summary>
    public static string NamespacePrefix(string @namespace) => @namespace.Replace('.', '-') + "_";

    /// <summary>
    /// A namespace without a policy under <c>--tenancy=strict</c>: only what the namespace's own default names
    /// give it. Families and cluster names must start with <c>&lt;namespace&gt;_</c>; no role, target group or
    /// secret may be named; no external task definition, adoption, privileged container or host namespace; no limits
    /// beyond the CRDs' own.
    /// </summary>
    public static TenantRules StrictDefault(string @namespace) => new()
    {
        TaskDefinitionFamilyPrefix = NamespacePrefix(@namespace),
        AllowedClusters = [NamespacePrefix(@namespace) + "*"],
    };

    /// <summary>The rules of <paramref name="spec"/> for <paramref name="namespace"/>.</summary>
    public static TenantRules From(EcsTenantPolicySpec spec, string @namespace)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return new TenantRules
        {
            AllowedRoleArns = spec.AllowedRoleArns ?? [],
            AllowedClusters = spec.AllowedClusters ?? [],
            TaskDefinitionFamilyPrefix = spec.TaskDefinitionFamilyPrefix ?? NamespacePrefix(@namespace),
            AllowExternalTaskDefinitions = spec.AllowExternalTaskDefinitions,
            AllowAdoption = spec.AllowAdoption,
            AllowedTargetGroupArns = spec.AllowedTargetGroupArns ?? [],
            AllowedSecretArnPrefixes = spec.AllowedSecretArnPrefixes ?? [],
            AllowPrivileged = spec.AllowPrivileged,
            AllowHostNamespaces = spec.AllowHostNamespaces,
            MaxDesiredCount = spec.MaxDesiredCount,
            MaxCapacity = spec.MaxCapacity,
        };
    }
}
