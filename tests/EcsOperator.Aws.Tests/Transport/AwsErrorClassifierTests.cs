using EcsOperator.Aws.Transport;
using Xunit;

namespace EcsOperator.Aws.Tests.Transport;

public sealed class AwsErrorClassifierTests
{
    [Theory]
    // Throttling and server-side trouble: try again.
    [InlineData("ThrottlingException", "Rate exceeded", 400, AwsErrorKind.Retryable)]
    [InlineData("Throttling", "Rate exceeded", 400, AwsErrorKind.Retryable)]
    [InlineData("TooManyRequestsException", "", 429, AwsErrorKind.Retryable)]
    [InlineData("RequestLimitExceeded", "", 400, AwsErrorKind.Retryable)]
    [InlineData("ServerException", "Service Unavailable. Please try again later.", 500, AwsErrorKind.Retryable)]
    [InlineData("ServiceUnavailable", "", 503, AwsErrorKind.Retryable)]
    [InlineData("InternalServiceException", "", 500, AwsErrorKind.Retryable)]
    [InlineData("ConcurrentUpdateException", "Concurrent update", 400, AwsErrorKind.Retryable)]
    [InlineData("SomethingNew", "", 502, AwsErrorKind.Retryable)]
    [InlineData("Http500", null, 500, AwsErrorKind.Retryable)]
    // Missing resources.
    [InlineData("ServiceNotFoundException", "Service not found.", 400, AwsErrorKind.NotFound)]
    [InlineData("ClusterNotFoundException", "Cluster not found.", 400, AwsErrorKind.NotFound)]
    [InlineData("TaskSetNotFoundException", "", 400, AwsErrorKind.NotFound)]
    [InlineData("ObjectNotFoundException", "No scalable target registered", 400, AwsErrorKind.NotFound)]
    [InlineData("ResourceNotFoundException", "", 400, AwsErrorKind.NotFound)]
    [InlineData("ClientException", "Unable to describe task definition.", 400, AwsErrorKind.NotFound)]
    [InlineData("ClientException", "The specified task definition does not exist.", 400, AwsErrorKind.NotFound)]
    [InlineData("ClientException", "TaskDefinition not found.", 400, AwsErrorKind.NotFound)]
    [InlineData("ClientException", "Revision is missing.", 400, AwsErrorKind.NotFound)]
    [InlineData("ClientException", "The specified task set does not exist.", 400, AwsErrorKind.NotFound)]
    [InlineData("ValidationException", "No scaling policy found for service namespace: ecs, resource ID: service/a/b", 400, AwsErrorKind.NotFound)]
    [InlineData("ValidationException", "No scalable target found for service namespace: ecs", 400, AwsErrorKind.NotFound)]
    // Fix the input.
    [InlineData("ClientException", "Invalid revision number. Number: 0", 400, AwsErrorKind.Terminal)]
    [InlineData("ClientException", null, 400, AwsErrorKind.Terminal)]
    [InlineData("InvalidParameterException", "Creation of service was not idempotent.", 400, AwsErrorKind.Terminal)]
    [InlineData("AccessDeniedException", "User is not authorized", 400, AwsErrorKind.Terminal)]
    [InlineData("UnsupportedFeatureException", "", 400, AwsErrorKind.Terminal)]
    [InlineData("ValidationException", "1 validation error detected", 400, AwsErrorKind.Terminal)]
    [InlineData("ServiceNotActiveException", "Service was not ACTIVE.", 400, AwsErrorKind.Terminal)]
    [InlineData("LimitExceededException", "", 400, AwsErrorKind.Terminal)]
    [InlineData("Http403", null, 403, AwsErrorKind.Terminal)]
    [InlineData("Http404", null, 404, AwsErrorKind.Terminal)] // a wrong endpoint, not a missing resource
    public void Classifies_AWS_errors(string code, string? message, int status, AwsErrorKind expected) =>
        Assert.Equal(expected, AwsErrorClassifier.Classify(code, message, status));

    [Theory]
    [InlineData("ThrottlingException", 400, true)]
    [InlineData("Throttling", 400, true)]
    [InlineData("Http429", 429, true)]
    [InlineData("ServerException", 500, false)]
    [InlineData("ClientException", 400, false)]
    public void Recognises_throttling(string code, int status, bool expected) =>
        Assert.Equal(expected, AwsErrorClassifier.IsThrottling(code, status));
}
