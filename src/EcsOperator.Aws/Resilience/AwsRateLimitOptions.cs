using EcsOperator.Aws.Transport;

namespace EcsOperator.Aws.Resilience;

/// <summary>
/// Client-side token buckets per (service, <see cref="OperationFamily"/>). ECS throttles per account and region
/// with token buckets (e.g. cluster reads: 50 burst, 20/s sustained; mutations and RunTask lower), shared with every
/// other caller in the account, so the defaults stay well below the documented limits. Calls wait for a token
/// rather than fail.
/// </summary>
public sealed class AwsRateLimitOptions
{
    /// <summary>When false, calls are never delayed client-side (AWS may still throttle; those errors are retried).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Describe*/List* calls.</summary>
    public TokenBucketSettings Read { get; set; } = new() { Burst = 40, RequestsPerSecond = 10 };

    /// <summary>Create/Update/Delete/Register/Tag calls.</summary>
    public TokenBucketSettings Mutate { get; set; } = new() { Burst = 10, RequestsPerSecond = 2 };

    /// <summary>RunTask (its own ECS bucket).</summary>
    public TokenBucketSettings RunTask { get; set; } = new() { Burst = 20, RequestsPerSecond = 5 };

    /// <summary>The bucket for one family.</summary>
    public TokenBucketSettings For(OperationFamily family) => family switch
    {
        OperationFamily.Read => Read,
        OperationFamily.Mutate => Mutate,
        OperationFamily.RunTask => RunTask,
        _ => throw new ArgumentOutOfRangeException(nameof(family), family, "Unknown operation family"),
    };

    internal void Validate()
    {
        Read.Validate(nameof(Read));
        Mutate.Validate(nameof(Mutate));
        RunTask.Validate(nameof(RunTask));
    }
}
