using System.Text.Json.Serialization;

namespace EcsOperator.Kubernetes.Model;

/// <summary>metav1.ListMeta: the version a list was read at and the token for its next page.</summary>
public sealed record ListMeta
{
    public string? ResourceVersion { get; init; }

    [JsonPropertyName("continue")]
    public string? Continue { get; init; }

    public long? RemainingItemCount { get; init; }
}
