using System.Globalization;

namespace EcsOperator.Aws.Transport;

/// <summary>
/// What an AWS error means for an object's status: whether to retry, the cause, and a fixed human summary. The
/// summary never repeats AWS's own message text, which can name the operator's role ARN and account.
/// </summary>
public sealed record AwsErrorExplanation(AwsErrorCause Cause, bool Retry, string Summary, string ErrorCode, string? RequestId)
{
    /// <summary>The text for a condition or event: the summary, the AWS error code and the request id (for AWS support).</summary>
    public string Message => RequestId is { Length: > 0 } id
        ? string.Create(CultureInfo.InvariantCulture, $"{Summary} (AWS error {ErrorCode}, request id {id})")
        : string.Create(CultureInfo.InvariantCulture, $"{Summary} (AWS error {ErrorCode})");
}
