namespace EcsOperator.Kubernetes.Model;

/// <summary>metav1.StatusDetails: which object an error is about and, for validation errors, which fields.</summary>
public sealed record StatusDetails
{
    public string? Name { get; init; }

    public string? Group { get; init; }

    public string? Kind { get; init; }

    public string? Uid { get; init; }

    public IReadOnlyList<StatusCause>? Causes { get; init; }

    /// <summary>How long the server asks the client to wait before retrying.</summary>
    public int? RetryAfterSeconds { get; init; }
}
