namespace EcsOperator.Kubernetes.Model;

/// <summary>v1 Namespace (the operator reads <c>kube-system</c>'s UID as its cluster id).</summary>
public sealed record Namespace : IKubernetesObject
{
    public string ApiVersion { get; init; } = "v1";

    public string Kind { get; init; } = "Namespace";

    public ObjectMeta Metadata { get; init; } = new();

    public NamespaceStatus? Status { get; init; }
}
