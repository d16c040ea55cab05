namespace EcsOperator.Core.Tenancy;

/// <summary>What a namespace that no EcsTenantPolicy selects may do (the install-time <c>--tenancy</c> option).</summary>
public enum TenancyMode
{
    /// <summary>
    /// Fail closed: the namespace gets the strict default rules (<see cref="TenantRules.StrictDefault"/>) and no AWS
    /// principal, so nothing of it reaches AWS. The default.
    /// </summary>
    Strict,

    /// <summary>The single-team install: no field is checked and the operator's own AWS principal is used.</summary>
    Open,
}
