namespace EcsOperator.Kubernetes.Rest;

/// <summary>Classifies an API error (from the Status reason, falling back to the HTTP code).</summary>
public enum KubernetesErrorReason
{
    Unknown,
    BadRequest,
    Unauthorized,
    Forbidden,
    NotFound,
    MethodNotAllowed,
    AlreadyExists,
    Conflict,

    /// <summary>410: the requested resourceVersion is older than the server's history ("Expired"/"Gone").</summary>
    Gone,

    /// <summary>422 with field causes.</summary>
    Invalid,
    UnsupportedMediaType,
    TooManyRequests,
    InternalError,
    ServiceUnavailable,

    /// <summary>504 / reason Timeout / ServerTimeout, or the client's own request timeout.</summary>
    Timeout,
}
