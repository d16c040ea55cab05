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
    public static ResiliencePipeline Create(AwsRetryOptions options, TimeProvider timeProvider)
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
                ShouldHandle = static args => ValueTask.FromResult(IsRetryable(args.Outcome.Exception)),
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
}
