namespace EcsOperator.Kubernetes.Rest;

/// <summary>Body of a delete request.</summary>
public sealed record DeleteOptions
{
    public string ApiVersion { get; init; } = "v1";

    public string Kind { get; init; } = "DeleteOptions";

    /// <summary>Delete only if the object still has this UID / resourceVersion.</summary>
    public Preconditions? Preconditions { get; init; }

    /// <summary><c>Orphan</c>, <c>Background</c> or <c>Foreground</c>.</summary>
    public string? PropagationPolicy { get; init; }

    public long? GracePeriodSeconds { get; init; }
}
