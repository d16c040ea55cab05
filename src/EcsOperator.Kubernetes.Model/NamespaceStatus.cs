namespace EcsOperator.Kubernetes.Model;

/// <summary>v1 NamespaceStatus.</summary>
public sealed record NamespaceStatus
{
    /// <summary><c>Active</c> or <c>Terminating</c>.</summary>
    public string? Phase { get; init; }
}
