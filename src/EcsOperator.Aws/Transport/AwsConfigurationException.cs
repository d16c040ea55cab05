namespace EcsOperator.Aws.Transport;

/// <summary>
/// The operator cannot call AWS because it is not configured (no region, no credentials, a bad endpoint). The message
/// names exactly what to set; retrying without changing configuration cannot help.
/// </summary>
public sealed class AwsConfigurationException(string message, Exception? innerException = null)
    : AwsServiceException(ErrorCodeValue, message, null, null, AwsErrorKind.Terminal, innerException)
{
    /// <summary>The <see cref="AwsServiceException.ErrorCode"/> of every configuration error.</summary>
    public const string ErrorCodeValue = "AwsConfigurationError";
}
