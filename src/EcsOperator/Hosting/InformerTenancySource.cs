using EcsOperator.Api;
using EcsOperator.Api.Tenancy;
using EcsOperator.Aws.Principals;
using EcsOperator.Core.Tenancy;
using EcsOperator.Kubernetes.Informer;
using EcsOperator.Kubernetes.Model;
using EcsOperator.Kubernetes.Rest;
using RestResourceType = EcsOperator.Kubernetes.Rest.ResourceType;

namespace EcsOperator.Hosting;

/// <summary>
/// The tenancy of a namespace from the Namespace and EcsTenantPolicy informer caches (no API call per lookup). The
/// informers are created with this object, so the controllers' start waits for their first sync.
/// </summary>
public sealed class InformerTenancySource : INamespaceTenancySource, INamespaceRoles
{
    private readonly Informer<Namespace> _namespaces;
    private readonly Informer<EcsTenantPolicy> _policies;
    private readonly TenancyMode _mode;

    public InformerTenancySource(SharedInformerFactory informers, TenancyMode mode)
    {
        ArgumentNullException.ThrowIfNull(informers);
        _namespaces = informers.For(RestResourceType.Namespaces, KubernetesModelJsonContext.Default.Namespace);
        _policies = informers.For(TenancyRegistration.TenantPolicies, ApiJsonContext.Default.EcsTenantPolicy);
        _mode = mode;
    }

    /// <exception cref="InvalidOperationException">The caches have not synced yet (retried like any transient error).</exception>
    public NamespaceTenancy For(string @namespace)
    {
        if (!_namespaces.HasSynced || !_policies.HasSynced)
            throw new InvalidOperationException("the Namespace and EcsTenantPolicy caches have not synced yet");
        var labels = _namespaces.Cache.Get(new ObjectKey(null, @namespace))?.Metadata.Labels;
        return TenantPolicyResolver.Resolve(@namespace, labels, _policies.Cache.List(), _mode);
    }

    NamespaceRole INamespaceRoles.For(string @namespace)
    {
        var tenancy = For(@namespace);
        if (tenancy.Refusal is { } refusal)
            return NamespaceRole.Refused(refusal);
        if (tenancy.AwsRoleArn is { } role)
            return NamespaceRole.Assume(role);
        if (tenancy.MayUseOperatorPrincipal)
            return NamespaceRole.OperatorPrincipal;
        return NamespaceRole.Refused(tenancy.PolicyName is { } policy
            ? $"EcsTenantPolicy {policy} names no awsRoleArn and the operator runs with --tenancy=strict"
            : $"no EcsTenantPolicy selects namespace {@namespace} and the operator runs with --tenancy=strict");
    }
}
