namespace EcsOperator.Core.Arns;

/// <summary>
/// ECS accepts a cluster, service or task definition by short name or by ARN and answers with ARNs. Comparing the
/// two forms by their short names keeps a spec that says <c>web</c> from drifting against a live
/// <c>arn:aws:ecs:...:service/prod/web</c>.
/// </summary>
public static class EcsNames
{
    /// <summary>The cluster name of a cluster name or ARN (<c>arn:...:cluster/prod</c> -> <c>prod</c>).</summary>
    public static string ClusterName(string nameOrArn) =>
        Arn.TryParse(nameOrArn, out var arn) && arn.Resource.StartsWith("cluster/", StringComparison.Ordinal)
            ? arn.Resource["cluster/".Length..]
            : nameOrArn;

    /// <summary>
    /// The service name of a service name or ARN, in both the long (<c>service/cluster/name</c>) and the old short
    /// (<c>service/name</c>) ARN formats.
    /// </summary>
    public static string ServiceName(string nameOrArn)
    {
        if (!Arn.TryParse(nameOrArn, out var arn) || !arn.Resource.StartsWith("service/", StringComparison.Ordinal))
            return nameOrArn;
        var path = arn.Resource["service/".Length..];
        var slash = path.LastIndexOf('/');
        return slash < 0 ? path : path[(slash + 1)..];
    }

    /// <summary>
    /// <c>family:revision</c> of a task definition ARN or <c>family:revision</c> text; a bare family stays as it is.
    /// </summary>
    public static string TaskDefinitionFamilyRevision(string nameOrArn) =>
        Arn.TryParse(nameOrArn, out var arn) && arn.Resource.StartsWith("task-definition/", StringComparison.Ordinal)
            ? arn.Resource["task-definition/".Length..]
            : nameOrArn;

    /// <summary>The family of a task definition family, <c>family:revision</c> or ARN.</summary>
    public static string TaskDefinitionFamily(string nameOrArn)
    {
        var familyRevision = TaskDefinitionFamilyRevision(nameOrArn);
        var colon = familyRevision.LastIndexOf(':');
        return colon < 0 ? familyRevision : familyRevision[..colon];
    }

    /// <summary>The revision of a <c>family:revision</c> or ARN; null for a bare family (which means "latest ACTIVE").</summary>
    public static int? TaskDefinitionRevision(string nameOrArn)
    {
        var familyRevision = TaskDefinitionFamilyRevision(nameOrArn);
        var colon = familyRevision.LastIndexOf(':');
        return colon >= 0 && int.TryParse(familyRevision.AsSpan(colon + 1), System.Globalization.NumberStyles.None,
            System.Globalization.CultureInfo.InvariantCulture, out var revision)
            ? revision
            : null;
    }

    /// <summary>
    /// Whether two references name the same ECS resource, whether given as names or ARNs. A name matches an ARN by its
    /// short name; two ARNs must be equal.
    /// </summary>
    public static bool SameResource(string? left, string? right, Func<string, string> shortName)
    {
        if (left is null || right is null)
            return left == right;
        if (Arn.TryParse(left, out _) && Arn.TryParse(right, out _))
            return string.Equals(left, right, StringComparison.Ordinal);
        return string.Equals(shortName(left), shortName(right), StringComparison.Ordinal);
    }
}
