using EcsOperator.Api.Tenancy;

namespace EcsOperator.Core.Tenancy;

/// <summary>
/// Finds the EcsTenantPolicy of a namespace from its labels. Exactly one selecting policy applies; none gives the
/// install default (<see cref="TenancyMode"/>); several is refused as ambiguous (fail closed) rather than merged,
/// because a merge rule would let one admin's broad policy silently widen another's.
/// </summary>
public static class TenantPolicyResolver
{
    public static NamespaceTenancy Resolve(
        string @namespace,
        IReadOnlyDictionary<string, string>? namespaceLabels,
        IEnumerable<EcsTenantPolicy> policies,
        TenancyMode mode)
    {
        ArgumentException.ThrowIfNullOrEmpty(@namespace);
        ArgumentNullException.ThrowIfNull(policies);
        var labels = namespaceLabels ?? new Dictionary<string, string>();
        var selecting = policies.Where(p => Selects(p.Spec.NamespaceSelector, labels))
            .OrderBy(p => p.Metadata.Name, StringComparer.Ordinal).ToList();
        return selecting.Count switch
        {
            0 when mode == TenancyMode.Open => new NamespaceTenancy { Namespace = @namespace, MayUseOperatorPrincipal = true },
            0 => new NamespaceTenancy { Namespace = @namespace, Rules = TenantRules.StrictDefault(@namespace) },
            1 => new NamespaceTenancy
            {
                Namespace = @namespace,
                PolicyName = selecting[0].Metadata.Name,
                Rules = TenantRules.From(selecting[0].Spec, @namespace),
                AwsRoleArn = selecting[0].Spec.AwsRoleArn,
                MayUseOperatorPrincipal = mode == TenancyMode.Open,
            },
            _ => new NamespaceTenancy
            {
                Namespace = @namespace,
                Rules = TenantRules.StrictDefault(@namespace),
                Refusal = $"ambiguous policy: namespace {@namespace} is selected by EcsTenantPolicy " +
                    string.Join(", ", selecting.Select(p => p.Metadata.Name)) + "; exactly one may select it",
            },
        };
    }

    /// <summary>Kubernetes label-selector semantics: all matchLabels and all matchExpressions must hold.</summary>
    public static bool Selects(NamespaceSelector? selector, IReadOnlyDictionary<string, string> labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        if (selector is null)
        {
            // A policy without a selector selects nothing: an admin must say whom it covers.
            return false;
        }

        foreach (var (key, value) in selector.MatchLabels ?? new Dictionary<string, string>())
        {
            if (!labels.TryGetValue(key, out var actual) || actual != value)
            {
                return false;
            }
        }

        foreach (var requirement in selector.MatchExpressions ?? [])
        {
            var present = labels.TryGetValue(requirement.Key, out var actual);
            var values = requirement.Values ?? [];
            var holds = requirement.Operator switch
            {
                "In" => present && values.Contains(actual),
                "NotIn" => !present || !values.Contains(actual),
                "Exists" => present,
                "DoesNotExist" => !present,
                _ => false, // an unknown operator selects nothing (fail closed)
            };
            if (!holds)
            {
                return false;
            }
        }

        return true;
    }
}
