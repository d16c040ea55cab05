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
}
