using System.Net;
using EcsOperator.Kubernetes.Model;

namespace EcsOperator.Kubernetes.Rest;

/// <summary>
/// The API server refused a request. Carries the decoded <see cref="Model.Status"/> body, the HTTP code and a
/// <see cref="KubernetesErrorReason"/>; subclasses exist for the reasons callers branch on.
/// </summary>
public class KubernetesApiException : Exception
{
    public KubernetesApiException()
        : this(KubernetesErrorReason.Unknown, 0, new Status(), "Kubernetes API error")
    {
    }

    public KubernetesApiException(string message)
        : this(KubernetesErrorReason.Unknown, 0, new Status(), message)
    {
    }

    public KubernetesApiException(string message, Exception innerException)
        : base(message, innerException)
    {
        Status = new Status();
    }

    public KubernetesApiException(KubernetesErrorReason reason, int code, Status status, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Reason = reason;
        Code = code;
        Status = status;
    }

    public KubernetesErrorReason Reason { get; }

    /// <summary>The HTTP status code (or the code inside a watch ERROR event).</summary>
    public int Code { get; }

    public HttpStatusCode StatusCode => (HttpStatusCode)Code;

    public Status Status { get; }

    /// <summary>Server-suggested delay, from Retry-After or <c>details.retryAfterSeconds</c>.</summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>Whether retrying the same request later may succeed.</summary>
    public bool IsTransient => Reason is KubernetesErrorReason.TooManyRequests or KubernetesErrorReason.InternalError
        or KubernetesErrorReason.ServiceUnavailable or KubernetesErrorReason.Timeout or KubernetesErrorReason.Conflict;

    /// <summary>Builds the most specific exception for a status.</summary>
    public static KubernetesApiException From(int code, Status? status, string requestDescription, TimeSpan? retryAfter = null)
    {
        status ??= new Status { Code = code, Outcome = "Failure" };
        var reason = Classify(code, status.Reason);
        var message = $"{requestDescription}: {code} {status.Reason ?? reason.ToString()}" +
            (string.IsNullOrEmpty(status.Message) ? string.Empty : $": {status.Message}");
        if (retryAfter is null && status.Details?.RetryAfterSeconds is > 0 and var secs)
        {
            retryAfter = TimeSpan.FromSeconds(secs);
        }

        return reason switch
        {
            KubernetesErrorReason.NotFound => new NotFoundException(code, status, message) { RetryAfter = retryAfter },
            KubernetesErrorReason.AlreadyExists => new AlreadyExistsException(code, status, message) { RetryAfter = retryAfter },
            KubernetesErrorReason.Conflict => new ConflictException(code, status, message) { RetryAfter = retryAfter },
            KubernetesErrorReason.Gone => new GoneException(code, status, message) { RetryAfter = retryAfter },
            KubernetesErrorReason.Invalid => new InvalidException(code, status, message) { RetryAfter = retryAfter },
            KubernetesErrorReason.Forbidden => new ForbiddenException(code, status, message) { RetryAfter = retryAfter },
            KubernetesErrorReason.Unauthorized => new UnauthorizedException(code, status, message) { RetryAfter = retryAfter },
            KubernetesErrorReason.TooManyRequests => new TooManyRequestsException(code, status, message) { RetryAfter = retryAfter },
            KubernetesErrorReason.InternalError or KubernetesErrorReason.ServiceUnavailable or KubernetesErrorReason.Timeout =>
                new ServerErrorException(reason, code, status, message) { RetryAfter = retryAfter },
            _ => new KubernetesApiException(reason, code, status, message) { RetryAfter = retryAfter },
        };
    }

    private static KubernetesErrorReason Classify(int code, string? reason) => reason switch
    {
        "NotFound" => KubernetesErrorReason.NotFound,
        "AlreadyExists" => KubernetesErrorReason.AlreadyExists,
        "Conflict" => KubernetesErrorReason.Conflict,
        "Gone" or "Expired" => KubernetesErrorReason.Gone,
        "Invalid" => KubernetesErrorReason.Invalid,
        "Forbidden" => KubernetesErrorReason.Forbidden,
        "Unauthorized" => KubernetesErrorReason.Unauthorized,
        "TooManyRequests" => KubernetesErrorReason.TooManyRequests,
        "BadRequest" => KubernetesErrorReason.BadRequest,
        "MethodNotAllowed" => KubernetesErrorReason.MethodNotAllowed,
        "UnsupportedMediaType" => KubernetesErrorReason.UnsupportedMediaType,
        "InternalError" => KubernetesErrorReason.InternalError,
        "ServiceUnavailable" => KubernetesErrorReason.ServiceUnavailable,
        "Timeout" or "ServerTimeout" => KubernetesErrorReason.Timeout,
        _ => code switch
        {
            400 => KubernetesErrorReason.BadRequest,
            401 => KubernetesErrorReason.Unauthorized,
            403 => KubernetesErrorReason.Forbidden,
            404 => KubernetesErrorReason.NotFound,
            405 => KubernetesErrorReason.MethodNotAllowed,
            409 => KubernetesErrorReason.Conflict,
            410 => KubernetesErrorReason.Gone,
            415 => KubernetesErrorReason.UnsupportedMediaType,
            422 => KubernetesErrorReason.Invalid,
            429 => KubernetesErrorReason.TooManyRequests,
            503 => KubernetesErrorReason.ServiceUnavailable,
            504 => KubernetesErrorReason.Timeout,
            >= 500 => KubernetesErrorReason.InternalError,
            _ => KubernetesErrorReason.Unknown,
        },
    };
}
