using EcsOperator.Kubernetes.Model;

namespace EcsOperator.Kubernetes.Rest;

/// <summary>401 Unauthorized: the credentials were rejected even after refreshing them.</summary>
public sealed class UnauthorizedException : KubernetesApiException
{
    public UnauthorizedException()
    {
    }

    public UnauthorizedException(string message)
        : base(message)
    {
    }

    public UnauthorizedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public UnauthorizedException(int code, Status status, string message)
        : base(KubernetesErrorReason.Unauthorized, code, status, message)
    {
    }
}
