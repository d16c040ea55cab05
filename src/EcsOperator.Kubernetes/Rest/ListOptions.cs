namespace EcsOperator.Kubernetes.Rest;

/// <summary>Query parameters of a list request.</summary>
public sealed record ListOptions
{
    /// <summary>e.g. <c>app=web,tier!=db</c>.</summary>
    public string? LabelSelector { get; init; }

    /// <summary>e.g. <c>metadata.name=web</c>.</summary>
    public string? FieldSelector { get; init; }

    /// <summary>Page size; the server returns a continue token when more items remain.</summary>
    public int? Limit { get; init; }

    /// <summary>The continue token of the previous page.</summary>
    public string? Continue { get; init; }

    /// <summary>Read at (or after) this version; <c>"0"</c> allows serving from the watch cache.</summary>
    public string? ResourceVersion { get; init; }
}
