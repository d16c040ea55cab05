using EcsOperator.Kubernetes.Model;
using EcsOperator.Kubernetes.Rest;

namespace EcsOperator.Kubernetes.Leader;

/// <summary><see cref="ILeaseLock"/> over a coordination.k8s.io/v1 Lease.</summary>
public sealed class KubernetesLeaseLock(IKubernetesClient client, string ns, string name) : ILeaseLock
{
    private readonly IResourceClient<Lease> _leases = client.Resource(ResourceType.Leases, KubernetesModelJsonContext.Default.Lease);

    public string Description => $"{ns}/{name}";

    public Task<Lease?> GetAsync(CancellationToken cancellationToken) => _leases.TryGetAsync(ns, name, cancellationToken);

    public Task<Lease> CreateAsync(LeaseSpec spec, CancellationToken cancellationToken) =>
        _leases.CreateAsync(new Lease { Metadata = new ObjectMeta { Name = name, Namespace = ns }, Spec = spec }, cancellationToken);

    public Task<Lease> UpdateAsync(Lease current, LeaseSpec spec, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(current);
        return _leases.ReplaceAsync(current with { Spec = spec }, cancellationToken);
    }
}
