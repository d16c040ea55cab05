namespace EcsOperator.Kubernetes.Model;

/// <summary>metav1.Status: the body of every API error (and of some successful deletes).</summary>
public sealed record Status
{
    public string ApiVersion { get; init; } = "v1";

    public string Kind { get; init; } = "Status";

    public ListMeta? Metadata { get; init; }

    /// <summary><c>Success</c> or <c>Failure</c>.</summary>
    [System.Text.Json.Serialization.JsonPropertyName("status")]
    public string? Outcome { get; init; }

    public string? Message { get; init; }

    /// <summary>Machine-readable reason, e.g. <c>NotFound</c>, <c>Conflict</c>, <c>Expired</c>.</summary>
    public string? Reason { get; init; }

    public StatusDetails? Details { get; init; }

    /// <summary>The HTTP status code this status stands for (also set inside watch ERROR events).</summary>
    public int? Code { get; init; }
}
