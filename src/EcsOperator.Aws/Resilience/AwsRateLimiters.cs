using System.Collections.Concurrent;
using System.Threading.RateLimiting;
using EcsOperator.Aws.Transport;

namespace EcsOperator.Aws.Resilience;

/// <summary>
/// One waiting token bucket per (service, operation family), shared by every caller of the transport so the whole
/// process stays under the limit.
/// </summary>
public sealed class AwsRateLimiters : IDisposable
{
    private readonly AwsRateLimitOptions _options;
    private readonly ConcurrentDictionary<(string Service, OperationFamily Family), Lazy<TokenBucketRateLimiter>> _limiters = new();

    public AwsRateLimiters(AwsRateLimitOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
    }

    /// <summary>
    /// Waits until the operation's bucket has a token. Returns true when the call had to wait (the bucket was empty).
    /// </summary>
    public async ValueTask<bool> WaitForTokenAsync(AwsOperation operation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operation);
        if (!_options.Enabled)
        {
            return false;
        }

        var limiter = _limiters.GetOrAdd(
            (operation.Service.SigningName, operation.Family),
            key => new Lazy<TokenBucketRateLimiter>(() => Create(_options.For(key.Family)))).Value;

        using (var immediate = limiter.AttemptAcquire(1))
        {
            if (immediate.IsAcquired)
            {
                return false;
            }
        }

        using var lease = await limiter.AcquireAsync(1, cancellationToken).ConfigureAwait(false);
        if (!lease.IsAcquired)
        {
            // Only possible when the queue is full, which its int.MaxValue limit makes practically unreachable.
            throw new AwsServiceException(
                "ClientRateLimitQueueFull",
                $"Too many {operation.Service.SigningName} {operation.Family} calls are waiting for the client-side rate limit",
                null,
                null,
                AwsErrorKind.Retryable);
        }

        return true;
    }

    private static TokenBucketRateLimiter Create(TokenBucketSettings settings) => new(new TokenBucketRateLimiterOptions
    {
        TokenLimit = settings.Burst,
        TokensPerPeriod = 1,
        ReplenishmentPeriod = TimeSpan.FromSeconds(1 / settings.RequestsPerSecond),
        QueueLimit = int.MaxValue,
        QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        AutoReplenishment = true,
    });

    public void Dispose()
    {
        foreach (var limiter in _limiters.Values)
        {
            if (limiter.IsValueCreated)
            {
                limiter.Value.Dispose();
            }
        }
    }
}
