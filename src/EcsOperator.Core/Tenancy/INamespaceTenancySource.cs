namespace EcsOperator.Core.Tenancy;

/// <summary>
/// The tenancy of a namespace right now (the host answers from its Namespace and EcsTenantPolicy informer caches,
/// through <see cref="TenantPolicyResolver"/>).
/// </summary>
public interface INamespaceTenancySource
{
    NamespaceTenancy For(string @namespace);
}
