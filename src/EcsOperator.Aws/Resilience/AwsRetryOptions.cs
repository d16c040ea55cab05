using EcsOperator.Aws.Transport;

namespace EcsOperator.Aws.Resilience;

/// <summary>Retry and timeout settings for one AWS call.</summary>
public sealed class AwsRetryOptions
{
    /// <summary>Attempts in total, including the first (1 disables retries).</summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>Median delay before the first retry; later delays grow exponentially, with jitter.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Upper bound for one delay between attempts.</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>How long one HTTP attempt may take before it is abandoned and retried.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>How long the call may take overall, including retries, backoff and rate-limit waits.</summary>
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromMinutes(2);

    internal void Validate()
    {
        if (MaxAttempts < 1)
        {
            throw new AwsConfigurationException($"Invalid AWS client options: Retry.MaxAttempts must be at least 1 (got {MaxAttempts})");
        }

        RequirePositive(BaseDelay, nameof(BaseDelay));
        RequirePositive(MaxDelay, nameof(MaxDelay));
        RequirePositive(AttemptTimeout, nameof(AttemptTimeout));
        RequirePositive(TotalTimeout, nameof(TotalTimeout));
    }

    private static void RequirePositive(TimeSpan value, string name)
    {
        if (value <= TimeSpan.Zero)
        {
            throw new AwsConfigurationException($"Invalid AWS client options: Retry.{name} must be positive (got {value})");
        }
    }
}
