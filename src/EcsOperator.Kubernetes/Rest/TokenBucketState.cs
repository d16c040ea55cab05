namespace EcsOperator.Kubernetes.Rest;

/// <summary>
/// A token bucket's count and the time it was last refilled, without a lock: <see cref="TokenBucket"/> holds one under
/// its lock, and the event recorder one per object inline in its table (under the recorder's lock, 16 bytes instead of
/// a bucket object with its own lock and clock), so both refill and take by the same arithmetic.
/// </summary>
internal struct TokenBucketState(double burst, long timestamp)
{
    private double _tokens = burst;
    private long _last = timestamp;

    /// <summary>Refills for the time since the last call, then takes a token only if one is there.</summary>
    public bool TryTake(TimeProvider time, double ratePerSecond, double burst)
    {
        Refill(time, ratePerSecond, burst);
        if (_tokens < 1)
        {
            return false;
        }

        _tokens -= 1;
        return true;
    }

    /// <summary>Refills, then takes a token whether or not one is there; the tokens left (below zero: owed).</summary>
    public double Take(TimeProvider time, double ratePerSecond, double burst)
    {
        Refill(time, ratePerSecond, burst);
        _tokens -= 1;
        return _tokens;
    }

    private void Refill(TimeProvider time, double ratePerSecond, double burst)
    {
        var now = time.GetTimestamp();
        _tokens = Math.Min(burst, _tokens + (time.GetElapsedTime(_last, now).TotalSeconds * ratePerSecond));
        _last = now;
    }
}
