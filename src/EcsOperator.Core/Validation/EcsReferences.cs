using System.Globalization;
using System.Text.RegularExpressions;
using EcsOperator.Core.Arns;

namespace EcsOperator.Core.Validation;

/// <summary>
/// The forms ECS accepts for names and references to its resources (family, family:revision, cluster name, ARNs),
/// checked locally so a typo is reported against its field instead of as a remote error.
/// </summary>
public static partial class EcsReferences
{
    /// <summary>Whether <paramref name="name"/> is a valid ECS cluster, service or task-definition family name.</summary>
    public static bool IsName(string? name) => name is not null && NamePattern().IsMatch(name);

    /// <summary>
    /// Null when <paramref name="value"/> is a task definition family, family:revision or task definition ARN;
    /// otherwise what is wrong and the accepted forms.
    /// </summary>
    public static string? CheckTaskDefinition(string? value)
    {
        const string Forms = "use family, family:revision or arn:aws:ecs:<region>:<account>:task-definition/family:revision";
        if (string.IsNullOrWhiteSpace(value))
            return $"a task definition is required: {Forms}";
        if (value.StartsWith("arn:", StringComparison.Ordinal))
        {
            if (!Arn.TryParse(value, out var arn) || arn.Service != "ecs" || !arn.Resource.StartsWith("task-definition/", StringComparison.Ordinal))
                return $"'{value}' is not a task definition ARN: {Forms}";
            return FamilyRevision(arn.Resource["task-definition/".Length..], requireRevision: true)
                ? null
                : $"'{value}' does not end in task-definition/family:revision: {Forms}";
        }

        return FamilyRevision(value, requireRevision: false) ? null : $"'{value}' is not a task definition reference: {Forms}";
    }

    /// <summary>Null when <paramref name="value"/> is a cluster name or cluster ARN; otherwise what is wrong.</summary>
    public static string? CheckCluster(string? value)
    {
        const string Forms = "use a cluster name (letters, digits, - and _) or arn:aws:ecs:<region>:<account>:cluster/name";
        if (string.IsNullOrWhiteSpace(value))
            return $"a cluster is required: {Forms}";
        if (value.StartsWith("arn:", StringComparison.Ordinal))
        {
            return Arn.TryParse(value, out var arn) && arn.Service == "ecs" && arn.Resource.StartsWith("cluster/", StringComparison.Ordinal)
                && IsName(arn.Resource["cluster/".Length..])
                ? null
                : $"'{value}' is not a cluster ARN: {Forms}";
        }

        return IsName(value) ? null : $"'{value}' is not a cluster name: {Forms}";
    }

    private static bool FamilyRevision(string text, bool requireRevision)
    {
        var colon = text.LastIndexOf(':');
        if (colon < 0)
            return !requireRevision && IsName(text);
        return IsName(text[..colon])
            && int.TryParse(text.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var revision)
            && revision > 0;
    }

    [GeneratedRegex("^[a-zA-Z0-9_-]{1,255}$")]
    private static partial Regex NamePattern();
}
