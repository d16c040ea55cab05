namespace EcsOperator.Kubernetes.Rest;

/// <summary>
/// A token bucket driven by a <see cref="TimeProvider"/>: <see cref="Reserve"/> takes a token now and says how long
/// the caller must wait for it (like golang.org/x/time/rate's Reserve), so waits queue up fairly.
/// </summary>
public sealed class TokenBucket
{
    private readonly double _ratePerSecond;
    private readonly double _burst;
    private readonly TimeProvider _time;
    private readonly Lock _lock = new();
    private TokenBucketState _state;

    public TokenBucket(double ratePerSecond, int burst, TimeProvider? timeProvider = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(ratePerSecond);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(burst);
        _ratePerSecond = ratePerSecond;
        _burst = burst;
        _time = timeProvider ?? TimeProvider.System;
        _state = new TokenBucketState(burst, _time.GetTimestamp());
    }

    /// <summary>Consumes a token; returns zero if one was available, else the wait until it will be.</summary>
    public TimeSpan Reserve()
    {
        lock (_lock)
        {
            var left = _state.Take(_time, _ratePerSecond, _burst);
            return left >= 0 ? TimeSpan.Zero : TimeSpan.FromSeconds(-left / _ratePerSecond);
        }
    }

    /// <summary>Waits for a token.</summary>
    public Task WaitAsync(CancellationToken cancellationToken)
    {
        var delay = Reserve();
        return delay <= TimeSpan.Zero ? Task.CompletedTask : Task.Delay(delay, _time, cancellationToken);
    }
}
