using System.Net;
using EcsOperator.Simulator.Protocol;

namespace EcsOperator.Simulator.Controls;

/// <summary>Error injection, throttling (token buckets on the simulator clock) and latency, per operation.</summary>
public sealed class FaultInjector
{
    private readonly Lock _gate = new();
    private readonly TimeProvider _clock;
    private readonly List<InjectedFailure> _failures = [];
    private readonly Dictionary<ThrottleFamily, TokenBucket> _buckets = [];
    private readonly Dictionary<string, TimeSpan> _latency = new(StringComparer.Ordinal);

    internal FaultInjector(TimeProvider clock) => _clock = clock;

    /// <summary>
    /// The next <paramref name="count"/> calls of <paramref name="operation"/> (or <c>*</c> for any) fail with
    /// <paramref name="code"/> and <paramref name="status"/> before touching any state.
    /// </summary>
    public void FailNext(string operation, int count, string code, HttpStatusCode status = HttpStatusCode.BadRequest, string? message = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(operation);
        ArgumentException.ThrowIfNullOrEmpty(code);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        lock (_gate)
        {
            _failures.Add(new InjectedFailure(operation, code, status, message ?? DefaultMessage(code)) { Remaining = count });
        }
    }

    /// <summary>The next <paramref name="count"/> calls of <paramref name="operation"/> return ThrottlingException (400).</summary>
    public void ThrottleNext(string operation, int count) => FailNext(operation, count, "ThrottlingException", HttpStatusCode.BadRequest, "Rate exceeded");

    /// <summary>
    /// Turns on a token bucket for <paramref name="family"/>: <paramref name="burst"/> calls at once, refilled at
    /// <paramref name="refillPerSecond"/> per second of simulator time; calls beyond it get ThrottlingException.
    /// </summary>
    public void EnableThrottling(ThrottleFamily family, int burst, double refillPerSecond)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(burst, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(refillPerSecond);
        lock (_gate)
        {
            _buckets[family] = new TokenBucket(burst, refillPerSecond, _clock.GetUtcNow());
        }
    }

    /// <summary>Turns off throttling for every family.</summary>
    public void DisableThrottling()
    {
        lock (_gate)
        {
            _buckets.Clear();
        }
    }

    /// <summary>Delays responses of <paramref name="operation"/> (or <c>*</c>) by real time, to exercise client timeouts.</summary>
    public void SetLatency(string operation, TimeSpan delay)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(delay, TimeSpan.Zero);
        lock (_gate)
        {
            _latency[operation] = delay;
        }
    }

    /// <summary>Removes all injected latency.</summary>
    public void ClearLatency()
    {
        lock (_gate)
        {
            _latency.Clear();
        }
    }

    /// <summary>Removes every injected failure, bucket and latency.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _failures.Clear();
            _buckets.Clear();
            _latency.Clear();
        }
    }

    /// <summary>The family an operation is throttled in.</summary>
    public static ThrottleFamily FamilyOf(string operation)
    {
        ArgumentNullException.ThrowIfNull(operation);
        if (operation == "RunTask")
        {
            return ThrottleFamily.RunTask;
        }

        return operation.StartsWith("Describe", StringComparison.Ordinal) || operation.StartsWith("List", StringComparison.Ordinal)
            ? ThrottleFamily.Read
            : ThrottleFamily.Mutate;
    }

    internal TimeSpan LatencyFor(string operation)
    {
        lock (_gate)
        {
            if (_latency.TryGetValue(operation, out var delay) || _latency.TryGetValue("*", out delay))
            {
                return delay;
            }

            return TimeSpan.Zero;
        }
    }

    internal AwsErrorException? Check(string operation)
    {
        lock (_gate)
        {
            var failure = _failures.FirstOrDefault(f => f.Operation == operation || f.Operation == "*");
            if (failure is not null)
            {
                if (--failure.Remaining == 0)
                {
                    _failures.Remove(failure);
                }

                return new AwsErrorException(failure.Code, failure.Message, failure.Status);
            }

            if (_buckets.TryGetValue(FamilyOf(operation), out var bucket) && !bucket.TryTake(_clock.GetUtcNow()))
            {
                return new AwsErrorException("ThrottlingException", "Rate exceeded");
            }

            return null;
        }
    }

    private static string DefaultMessage(string code) => code switch
    {
        "ThrottlingException" => "Rate exceeded",
        "ServiceUnavailableException" or "ServiceUnavailable" => "Service Unavailable",
        "ServerException" => "Service encountered an internal error.",
        "InternalServiceException" => "Internal service error.",
        "AccessDeniedException" => "User is not authorized to perform this action.",
        _ => "Injected failure.",
    };

    private sealed record InjectedFailure(string Operation, string Code, HttpStatusCode Status, string Message)
    {
        public int Remaining { get; set; }
    }

    private sealed class TokenBucket(int burst, double refillPerSecond, DateTimeOffset now)
    {
        private double _tokens = burst;
        private DateTimeOffset _last = now;

        public bool TryTake(DateTimeOffset at)
        {
            var elapsed = Math.Max(0, (at - _last).TotalSeconds);
            _tokens = Math.Min(burst, _tokens + (elapsed * refillPerSecond));
            _last = at;
            if (_tokens >= 1)
            {
                _tokens -= 1;
                return true;
            }

            return false;
        }
    }
}
