using System.Text.Json.Serialization;

namespace EcsOperator.Kubernetes.Model;

/// <summary>coordination.k8s.io/v1 LeaseSpec: who holds the lease and since when.</summary>
public sealed record LeaseSpec
{
    public string? HolderIdentity { get; init; }

    public int? LeaseDurationSeconds { get; init; }

    [JsonConverter(typeof(NullableMicroTimeConverter))]
    public DateTimeOffset? AcquireTime { get; init; }

    [JsonConverter(typeof(NullableMicroTimeConverter))]
    public DateTimeOffset? RenewTime { get; init; }

    public int? LeaseTransitions { get; init; }
}
