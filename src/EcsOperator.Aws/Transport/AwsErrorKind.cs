namespace EcsOperator.Aws.Transport;

/// <summary>What a caller should do about an AWS error.</summary>
public enum AwsErrorKind
{
    /// <summary>Throttling, 5xx, timeouts, connection failures: try again later.</summary>
    Retryable,

    /// <summary>The named resource does not exist (service, cluster, task definition, ...).</summary>
    NotFound,

    /// <summary>The request can never succeed as sent (validation, access denied, unsupported): fix the input.</summary>
    Terminal,
}
