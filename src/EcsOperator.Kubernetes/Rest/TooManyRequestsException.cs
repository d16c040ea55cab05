using EcsOperator.Kubernetes.Model;

namespace EcsOperator.Kubernetes.Rest;

/// <summary>429 TooManyRequests: still throttled after the client's bounded Retry-After retries.</summary>
public sealed class TooManyRequestsException : KubernetesApiException
{
    public TooManyRequestsException()
    {
    }

    public TooManyRequestsException(string message)
        : base(message)
    {
    }

    public TooManyRequestsException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public TooManyRequestsException(int code, Status status, string message)
        : base(KubernetesErrorReason.TooManyRequests, code, status, message)
    {
    }
}
