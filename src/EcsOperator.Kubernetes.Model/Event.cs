using System.Text.Json.Serialization;

namespace EcsOperator.Kubernetes.Model;

/// <summary>events.k8s.io/v1 Event: what <c>kubectl describe</c> shows under "Events".</summary>
public sealed record Event : IKubernetesObject
{
    public const string NormalType = "Normal";
    public const string WarningType = "Warning";

    public string ApiVersion { get; init; } = "events.k8s.io/v1";

    public string Kind { get; init; } = "Event";

    public ObjectMeta Metadata { get; init; } = new();

    /// <summary>When the event first happened.</summary>
    [JsonConverter(typeof(MicroTimeConverter))]
    public DateTimeOffset EventTime { get; init; }

    /// <summary>Set when the event repeated; absent for a singleton.</summary>
    public EventSeries? Series { get; init; }

    public string? ReportingController { get; init; }

    public string? ReportingInstance { get; init; }

    /// <summary>What was done (or failed), e.g. <c>Reconcile</c>.</summary>
    public string? Action { get; init; }

    public string? Reason { get; init; }

    public ObjectReference? Regarding { get; init; }

    public ObjectReference? Related { get; init; }

    /// <summary>Human-readable description (at most 1 kB).</summary>
    public string? Note { get; init; }

    /// <summary><see cref="NormalType"/> or <see cref="WarningType"/>.</summary>
    public string? Type { get; init; }

    public DateTimeOffset? DeprecatedFirstTimestamp { get; init; }

    public DateTimeOffset? DeprecatedLastTimestamp { get; init; }

    public int? DeprecatedCount { get; init; }
}
