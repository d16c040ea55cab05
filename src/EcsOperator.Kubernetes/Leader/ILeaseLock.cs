using EcsOperator.Kubernetes.Model;

namespace EcsOperator.Kubernetes.Leader;

/// <summary>The lease store leader election competes on (a coordination.k8s.io Lease, or a fake in tests).</summary>
public interface ILeaseLock
{
    /// <summary>e.g. <c>ns/name</c>, for logs.</summary>
    string Description { get; }

    /// <summary>The lease, or null when it does not exist.</summary>
    Task<Lease?> GetAsync(CancellationToken cancellationToken);

    /// <summary>Creates it; <see cref="Rest.AlreadyExistsException"/> when someone else was first.</summary>
    Task<Lease> CreateAsync(LeaseSpec spec, CancellationToken cancellationToken);

    /// <summary>Replaces the spec if <paramref name="current"/>'s resourceVersion is still current, else <see cref="Rest.ConflictException"/>.</summary>
    Task<Lease> UpdateAsync(Lease current, LeaseSpec spec, CancellationToken cancellationToken);
}
