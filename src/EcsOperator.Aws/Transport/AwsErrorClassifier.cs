using System.Collections.Frozen;
using System.Text.RegularExpressions;

namespace EcsOperator.Aws.Transport;

/// <summary>
/// The single table deciding what an AWS error code means for the caller: retry, treat the resource as absent, or
/// stop until the input changes. Codes come from the ECS and Application Auto Scaling API references and the
/// throttling codes AWS SDKs retry.
/// </summary>
public static partial class AwsErrorClassifier
{
    private static readonly FrozenSet<string> ThrottlingCodes = FrozenSet.Create(
        StringComparer.Ordinal,
        "ThrottlingException",
        "Throttling",
        "ThrottledException",
        "TooManyRequestsException",
        "RequestLimitExceeded",
        "RequestThrottled",
        "RequestThrottledException",
        "SlowDown",
        "EC2ThrottledException");

    private static readonly FrozenSet<string> TransientCodes = FrozenSet.Create(
        StringComparer.Ordinal,
        "ServerException", // ECS: "These errors are usually caused by a server issue."
        "ServiceUnavailable",
        "ServiceUnavailableException",
        "InternalFailure",
        "InternalServerError",
        "InternalServiceException", // Application Auto Scaling
        "InternalServiceError",
        "ConcurrentUpdateException", // Application Auto Scaling: another update is in progress
        "RequestTimeout",
        "RequestTimeoutException",
        "PriorRequestNotComplete",
        "IDPCommunicationError", // STS web identity (IRSA) refresh
        "ConnectionFailure",
        "CredentialsUnavailable");

    private static readonly FrozenSet<string> NotFoundCodes = FrozenSet.Create(
        StringComparer.Ordinal,
        "ServiceNotFoundException",
        "ClusterNotFoundException",
        "TaskSetNotFoundException",
        "ResourceNotFoundException",
        "ObjectNotFoundException"); // Application Auto Scaling: scalable target / policy / scheduled action

    /// <summary>
    /// ECS reports a missing task definition (or task set, revision, tagged resource) as a generic ClientException;
    /// these are the messages it uses (DescribeTaskDefinition, DeregisterTaskDefinition, Create/UpdateService,
    /// task sets, tagging).
    /// </summary>
    [GeneratedRegex(
        @"unable to describe task definition|task ?definition (was )?not found|task ?definition does not exist|revision is missing|(task set|resource) does not exist",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MissingResourceMessage();

    /// <summary>
    /// Application Auto Scaling documents ObjectNotFoundException for a missing scalable target, policy or scheduled
    /// action; moto (and older endpoints) send ValidationException with these messages instead.
    /// </summary>
    [GeneratedRegex(
        @"^No (scalable target|scaling policy|scheduled action) (found|registered)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MissingScalingObjectMessage();

    /// <summary>Classifies an AWS error; <paramref name="httpStatusCode"/> decides unknown codes (5xx retry, the rest stop).</summary>
    public static AwsErrorKind Classify(string errorCode, string? message, int? httpStatusCode)
    {
        ArgumentNullException.ThrowIfNull(errorCode);
        if (ThrottlingCodes.Contains(errorCode) || TransientCodes.Contains(errorCode))
        {
            return AwsErrorKind.Retryable;
        }

        if (NotFoundCodes.Contains(errorCode))
        {
            return AwsErrorKind.NotFound;
        }

        if (errorCode == "ClientException" && message is not null && MissingResourceMessage().IsMatch(message))
        {
            return AwsErrorKind.NotFound;
        }

        if (errorCode == "ValidationException" && message is not null && MissingScalingObjectMessage().IsMatch(message))
        {
            return AwsErrorKind.NotFound;
        }

        // Known terminal codes (ClientException, InvalidParameterException, AccessDeniedException,
        // UnsupportedFeatureException, ValidationException, ServiceNotActiveException, LimitExceededException, ...)
        // land here too; only an unknown code with a 5xx or 429 status is worth another attempt.
        return httpStatusCode is >= 500 or 429 ? AwsErrorKind.Retryable : AwsErrorKind.Terminal;
    }

    private static readonly FrozenSet<string> AccessDeniedCodes = FrozenSet.Create(
        StringComparer.Ordinal,
        "AccessDeniedException",
        "AccessDenied",
        "UnauthorizedOperation",
        "UnrecognizedClientException");

    /// <summary>
    /// The one table from an AWS error to what a status condition says about it: retry or stall, the cause, and a
    /// fixed human summary per cause (never AWS's message text, which can name the operator's role and account).
    /// </summary>
    public static AwsErrorExplanation Explain(AwsServiceException error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var (cause, retry, summary) = error switch
        {
            { Kind: AwsErrorKind.Retryable } when IsThrottling(error.ErrorCode, error.HttpStatusCode) =>
                (AwsErrorCause.Throttled, true, "AWS throttled the operator's requests; retrying with backoff"),
            { Kind: AwsErrorKind.Retryable } =>
                (AwsErrorCause.Unavailable, true, "AWS did not answer successfully (unavailable, timed out or a credential refresh failed); retrying with backoff"),
            { ErrorCode: "ClusterNotFoundException" } =>
                (AwsErrorCause.DependencyNotFound, false, "the ECS cluster this object uses does not exist: create it, or set the spec to an existing cluster"),
            { Kind: AwsErrorKind.NotFound } =>
                (AwsErrorCause.NotFound, true, "a resource the request names does not exist in AWS (yet); retrying with backoff"),
            _ when AccessDeniedCodes.Contains(error.ErrorCode) =>
                (AwsErrorCause.AccessDenied, false, "the operator's AWS principal is not allowed to make this call: grant the permission (see deploy/iam-policy.json); retried at the next resync"),
            _ => (AwsErrorCause.Rejected, false, "AWS rejected the request as sent: check the spec against the ECS API reference; retried when the spec changes or at the next resync"),
        };
        return new AwsErrorExplanation(cause, retry, summary, error.ErrorCode, error.RequestId);
    }

    /// <summary>True for the codes AWS uses when it throttles a caller (counted separately in telemetry).</summary>
    public static bool IsThrottling(string errorCode, int? httpStatusCode) =>
        ThrottlingCodes.Contains(errorCode) || httpStatusCode == 429;
}
