using EcsOperator.Aws.Resilience;
using EcsOperator.Aws.Transport;
using Polly.Timeout;
using Xunit;

namespace EcsOperator.Aws.Tests.Resilience;

public sealed class RetryPolicyTests
{
    public static TheoryData<Exception?, bool> Exceptions => new()
    {
        { new AwsServiceException("ThrottlingException", "m", 400, null, AwsErrorKind.Retryable), true },
        { new AwsServiceException("ServiceNotFoundException", "m", 400, null, AwsErrorKind.NotFound), false },
        { new AwsServiceException("ClientException", "m", 400, null, AwsErrorKind.Terminal), false },
        { new AwsConfigurationException("No AWS region"), false },
        { new TimeoutRejectedException(), true },
        { new OperationCanceledException(), false },
        { new InvalidOperationException(), false },
        { null, false },
    };

    [Theory]
    [MemberData(nameof(Exceptions))]
    public void Only_retryable_AWS_errors_and_attempt_timeouts_are_retried(Exception? exception, bool expected) =>
        Assert.Equal(expected, AwsResiliencePipeline.IsRetryable(exception));

    [Theory]
    [InlineData(0, "Retry.MaxAttempts")]
    [InlineData(-1, "Retry.MaxAttempts")]
    public void Invalid_attempt_count_is_rejected(int attempts, string setting)
    {
        var error = Assert.Throws<AwsConfigurationException>(() =>
            AwsResiliencePipeline.Create(new AwsRetryOptions { MaxAttempts = attempts }, TimeProvider.System));

        Assert.Contains(setting, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Non_positive_timeout_is_rejected()
    {
        var error = Assert.Throws<AwsConfigurationException>(() =>
            AwsResiliencePipeline.Create(new AwsRetryOptions { TotalTimeout = TimeSpan.Zero }, TimeProvider.System));

        Assert.Contains("Retry.TotalTimeout", error.Message, StringComparison.Ordinal);
    }
}
