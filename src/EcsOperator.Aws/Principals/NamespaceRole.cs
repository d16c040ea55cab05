namespace EcsOperator.Aws.Principals;

/// <summary>
/// Which AWS principal a namespace's calls run as: an IAM role to assume, the operator's own principal, or none
/// (refused, with the reason a user reads in the object's Stalled condition).
/// </summary>
public sealed record NamespaceRole
{
    private NamespaceRole()
    {
    }

    /// <summary>The role to assume, or null.</summary>
    public string? RoleArn { get; private init; }

    /// <summary>Why the namespace gets no principal, or null.</summary>
    public string? Refusal { get; private init; }

    /// <summary>The namespace's calls run as <paramref name="roleArn"/> (sts:AssumeRole with the namespace session tag).</summary>
    public static NamespaceRole Assume(string roleArn)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(roleArn);
        return new NamespaceRole { RoleArn = roleArn };
    }

    /// <summary>The namespace's calls run as the operator itself (the single-team install, <c>--tenancy=open</c>).</summary>
    public static NamespaceRole OperatorPrincipal { get; } = new();

    /// <summary>No call may be made for the namespace.</summary>
    public static NamespaceRole Refused(string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        return new NamespaceRole { Refusal = reason };
    }
}
