using EcsOperator.Aws.Transport;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace EcsOperator.Aws.Resilience;

/// <summary>
/// The Polly pipeline around every AWS call: a total budget, retries of <see cref="AwsErrorKind.Retryable"/> errors
/// with jittered exponential backoff, and a timeout per attempt.
/// </summary>
public static class AwsResiliencePipeline
{
    /// <summary>Builds the pipeline; its time (delays, timeouts) follows <paramref name="timeProvider"/>.</summary>
    /// <param name="idempotent">
    /// False for operations that must not run twice (<see cref="AwsOperation.Idempotent"/>): only errors that prove
    /// AWS did nothing are retried here; the rest go back to the reconciler, which looks before it acts again.
    /// </param>
    public static ResiliencePipeline Create(AwsRetryOptions options, TimeProvider timeProvider, bool idempotent = true)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        options.Validate();
        var builder = new ResiliencePipelineBuilder { TimeProvider = timeProvider }
            .AddTimeout(options.TotalTimeout);
        if (options.MaxAttempts > 1)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = options.MaxAttempts - 1,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.BaseDelay,
                MaxDelay = options.MaxDelay,
                ShouldHandle = idempotent
                    ? static args => ValueTask.FromResult(IsRetryable(args.Outcome.Exception))
                    : static args => ValueTask.FromResult(IsRetryableWithoutRepeating(args.Outcome.Exception)),
            });
        }

        return builder.AddTimeout(options.AttemptTimeout).Build();
    }

    /// <summary>Retry only what AWS (or the network) says may succeed later; never configuration errors.</summary>
    public static bool IsRetryable(Exception? exception) => exception switch
    {
        AwsConfigurationException => false,
        AwsServiceException aws => aws.Kind == AwsErrorKind.Retryable,
        TimeoutRejectedException => true,
        _ => false,
    };

    /// <summary>Retryable, and certainly not carried out by AWS: safe to send again even when sending twice is not.</summary>
    public static bool IsRetryableWithoutRepeating(Exception? exception) =>
        exception is AwsServiceException { OutcomeUnknown: false } && IsRetryable(exception);
}
