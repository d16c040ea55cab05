namespace EcsOperator.Kubernetes.Model;

/// <summary>metav1.OwnerReference: lets garbage collection delete a dependent with its owner.</summary>
public sealed record OwnerReference
{
    public required string ApiVersion { get; init; }

    public required string Kind { get; init; }

    public required string Name { get; init; }

    public required string Uid { get; init; }

    public bool? Controller { get; init; }

    public bool? BlockOwnerDeletion { get; init; }
}
