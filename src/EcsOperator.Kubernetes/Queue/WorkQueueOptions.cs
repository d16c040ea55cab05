namespace EcsOperator.Kubernetes.Queue;

/// <summary>Rate limiting of a work queue (defaults: client-go's DefaultControllerRateLimiter).</summary>
public sealed record WorkQueueOptions
{
    /// <summary>Used as the <c>name</c> tag of the queue metrics.</summary>
    public string Name { get; init; } = "default";

    /// <summary>First retry delay of a failing key; doubles per failure.</summary>
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromMilliseconds(5);

    /// <summary>Cap of the per-key delay.</summary>
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(1000);

    /// <summary>Overall retry rate across keys (token bucket), so a mass failure cannot hot-loop.</summary>
    public double RetryQps { get; init; } = 10;

    public int RetryBurst { get; init; } = 100;
}
