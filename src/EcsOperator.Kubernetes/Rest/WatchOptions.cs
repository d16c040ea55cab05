namespace EcsOperator.Kubernetes.Rest;

/// <summary>Query parameters of a watch request.</summary>
public sealed record WatchOptions
{
    /// <summary>Deliver changes after this version (normally the version of the list that filled the cache).</summary>
    public string? ResourceVersion { get; init; }

    public string? LabelSelector { get; init; }

    public string? FieldSelector { get; init; }

    /// <summary>Ask the server for BOOKMARK events, so a reconnect can resume from a recent version.</summary>
    public bool AllowWatchBookmarks { get; init; } = true;

    /// <summary>The server ends the watch after this long (client-go picks 5-10 minutes at random).</summary>
    public int? TimeoutSeconds { get; init; }
}
