namespace EcsOperator.Deploy.Tests.Kustomize;

/// <summary>One PolicyRule of a Role or ClusterRole, and whether it allows a request.</summary>
public sealed record RbacRule(IReadOnlyList<string> ApiGroups, IReadOnlyList<string> Resources, IReadOnlyList<string> Verbs, IReadOnlyList<string> ResourceNames)
{
    public static IReadOnlyList<RbacRule> Of(JsonNode role) =>
        (role["rules"]?.AsArray() ?? []).Select(r => new RbacRule(
            Strings(r!["apiGroups"]), Strings(r["resources"]), Strings(r["verbs"]), Strings(r["resourceNames"]))).ToList();

    /// <summary>Whether this rule allows <paramref name="verb"/> on group/resource (object <paramref name="name"/> or any).</summary>
    public bool Allows(string group, string resource, string verb, string? name = null) =>
        (ApiGroups.Contains(group) || ApiGroups.Contains("*"))
        && (Resources.Contains(resource) || Resources.Contains("*"))
        && (Verbs.Contains(verb) || Verbs.Contains("*"))
        && (ResourceNames.Count == 0 || (name is not null && ResourceNames.Contains(name)));

    /// <summary>Every (group, resource, verb) this rule grants.</summary>
    public IEnumerable<(string Group, string Resource, string Verb)> Grants() =>
        from g in ApiGroups from r in Resources from v in Verbs select (g, r, v);

    private static IReadOnlyList<string> Strings(JsonNode? node) => node?.AsArray().Select(n => n!.GetValue<string>()).ToList() ?? [];
}
