using System.Text.Json.Serialization;

namespace EcsOperator.Kubernetes.Model;

/// <summary>metav1.ObjectMeta: the fields the operator reads or writes.</summary>
public sealed record ObjectMeta
{
    public string? Name { get; init; }

    public string? GenerateName { get; init; }

    [JsonPropertyName("namespace")]
    public string? Namespace { get; init; }

    public string? Uid { get; init; }

    public string? ResourceVersion { get; init; }

    public long? Generation { get; init; }

    public DateTimeOffset? CreationTimestamp { get; init; }

    public DateTimeOffset? DeletionTimestamp { get; init; }

    public long? DeletionGracePeriodSeconds { get; init; }

    public IReadOnlyDictionary<string, string>? Labels { get; init; }

    public IReadOnlyDictionary<string, string>? Annotations { get; init; }

    public IReadOnlyList<string>? Finalizers { get; init; }

    public IReadOnlyList<OwnerReference>? OwnerReferences { get; init; }
}
