namespace EcsOperator.Aws.Principals;

/// <summary>
/// No AWS principal may be used for the namespace (under <c>--tenancy=strict</c> without a role, or an ambiguous
/// policy). Thrown before any AWS call; a reconciler reports it as Stalled, reason Forbidden, with this message.
/// </summary>
public sealed class NamespacePrincipalRefusedException(string @namespace, string reason)
    : Exception($"no AWS principal for namespace {@namespace}: {reason}")
{
    public string Namespace { get; } = @namespace;

    public string Reason { get; } = reason;
}
