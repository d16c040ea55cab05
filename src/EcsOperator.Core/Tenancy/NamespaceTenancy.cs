namespace EcsOperator.Core.Tenancy;

/// <summary>
/// What applies to one namespace: the rules its objects are checked against (null: open, nothing checked), the AWS
/// role to assume for it, and whether it may fall back to the operator's own principal. An ambiguous namespace
/// (selected by several policies) carries <see cref="Refusal"/> and is refused outright.
/// </summary>
public sealed record NamespaceTenancy
{
    public required string Namespace { get; init; }

    /// <summary>The EcsTenantPolicy that applies, or null for the install default.</summary>
    public string? PolicyName { get; init; }

    /// <summary>The field rules; null means open (every field allowed).</summary>
    public TenantRules? Rules { get; init; }

    /// <summary>The IAM role to assume for the namespace's AWS calls, if the policy names one.</summary>
    public string? AwsRoleArn { get; init; }

    /// <summary>Whether, without <see cref="AwsRoleArn"/>, the operator's own principal may be used (only <c>--tenancy=open</c>).</summary>
    public bool MayUseOperatorPrincipal { get; init; }

    /// <summary>Why everything in the namespace is refused (e.g. an ambiguous policy), or null.</summary>
    public string? Refusal { get; init; }
}
