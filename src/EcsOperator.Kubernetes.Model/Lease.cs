namespace EcsOperator.Kubernetes.Model;

/// <summary>coordination.k8s.io/v1 Lease: the lock replicas compete for in leader election.</summary>
public sealed record Lease : IKubernetesObject
{
    public string ApiVersion { get; init; } = "coordination.k8s.io/v1";

    public string Kind { get; init; } = "Lease";

    public ObjectMeta Metadata { get; init; } = new();

    public LeaseSpec? Spec { get; init; }
}
