namespace EcsOperator.Aws.Transport;

/// <summary>
/// An error from an AWS API (or from reaching it), carrying the AWS error code with its namespace stripped, the
/// message, HTTP status and request id, and a classification reconcilers switch on.
/// </summary>
public class AwsServiceException(
    string errorCode,
    string message,
    int? httpStatusCode,
    string? requestId,
    AwsErrorKind kind,
    Exception? innerException = null)
    : Exception(message, innerException)
{
    public string ErrorCode { get; } = errorCode;
    public int? HttpStatusCode { get; } = httpStatusCode;
    public string? RequestId { get; } = requestId;
    public AwsErrorKind Kind { get; } = kind;

    /// <summary>
    /// True when AWS may have carried out the request although no answer arrived (a connection lost after sending,
    /// a 5xx, an attempt timeout); false when it certainly did not (throttled, refused, never connected).
    /// </summary>
    public bool OutcomeUnknown { get; init; }
}
