namespace EcsOperator.Kubernetes.Informer;

/// <summary>What an informer watches and how it recovers.</summary>
public sealed record InformerOptions
{
    /// <summary>Namespaces to watch; null or empty = all namespaces (also for cluster-scoped kinds).</summary>
    public IReadOnlyList<string>? Namespaces { get; init; }

    public string? LabelSelector { get; init; }

    public string? FieldSelector { get; init; }

    /// <summary>Re-deliver every cached object to OnUpdate this often (±10% jitter); null disables.</summary>
    public TimeSpan? ResyncPeriod { get; init; }

    /// <summary>List page size (0 = unpaged).</summary>
    public int PageSize { get; init; } = 500;

    /// <summary>Server-side watch timeout range; a random value in it is used per watch, like client-go.</summary>
    public TimeSpan MinWatchTimeout { get; init; } = TimeSpan.FromMinutes(5);

    public TimeSpan MaxWatchTimeout { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>Backoff after a failed list or watch: doubles from this ...</summary>
    public TimeSpan InitialBackoff { get; init; } = TimeSpan.FromMilliseconds(800);

    /// <summary>... up to this.</summary>
    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromSeconds(30);
}
