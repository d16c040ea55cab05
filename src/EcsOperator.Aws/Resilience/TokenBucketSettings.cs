using EcsOperator.Aws.Transport;

namespace EcsOperator.Aws.Resilience;

/// <summary>One client-side token bucket: how many calls may go at once, and the sustained rate after that.</summary>
public sealed class TokenBucketSettings
{
    /// <summary>Bucket capacity: calls allowed back to back before the sustained rate applies.</summary>
    public int Burst { get; set; }

    /// <summary>Tokens added per second (the sustained rate).</summary>
    public double RequestsPerSecond { get; set; }

    internal void Validate(string name)
    {
        if (Burst < 1)
        {
            throw new AwsConfigurationException($"Invalid AWS client options: RateLimits.{name}.Burst must be at least 1 (got {Burst})");
        }

        if (!(RequestsPerSecond > 0) || double.IsInfinity(RequestsPerSecond))
        {
            throw new AwsConfigurationException(
                $"Invalid AWS client options: RateLimits.{name}.RequestsPerSecond must be a positive number (got {RequestsPerSecond})");
        }
    }
}
