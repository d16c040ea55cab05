namespace EcsOperator.Aws.Transport;

/// <summary>Why an AWS call failed, in the terms a status condition reports it (see <see cref="AwsErrorClassifier.Explain"/>).</summary>
public enum AwsErrorCause
{
    /// <summary>AWS throttled the caller: retry with backoff.</summary>
    Throttled,

    /// <summary>5xx, timeouts, connection or credential-refresh failures: retry with backoff.</summary>
    Unavailable,

    /// <summary>A resource the request names does not exist (yet): retry with backoff.</summary>
    NotFound,

    /// <summary>The ECS cluster the request names does not exist: a human must create it or fix the spec.</summary>
    DependencyNotFound,

    /// <summary>The operator's principal lacks a permission: a human must grant it.</summary>
    AccessDenied,

    /// <summary>AWS refused the request as sent (validation, unsupported, limits): a human must fix the spec.</summary>
    Rejected,
}
