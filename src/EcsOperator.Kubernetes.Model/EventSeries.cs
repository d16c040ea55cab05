using System.Text.Json.Serialization;

namespace EcsOperator.Kubernetes.Model;

/// <summary>events.k8s.io/v1 EventSeries: how often an event repeated and when it was last seen.</summary>
public sealed record EventSeries
{
    public required int Count { get; init; }

    [JsonConverter(typeof(MicroTimeConverter))]
    public required DateTimeOffset LastObservedTime { get; init; }
}
