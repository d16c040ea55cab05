using EcsOperator.Kubernetes.Model;

namespace EcsOperator.Kubernetes.Rest;

/// <summary>403 Forbidden: RBAC does not allow the request (or a namespace is terminating).</summary>
public sealed class ForbiddenException : KubernetesApiException
{
    public ForbiddenException()
    {
    }

    public ForbiddenException(string message)
        : base(message)
    {
    }

    public ForbiddenException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ForbiddenException(int code, Status status, string message)
        : base(KubernetesErrorReason.Forbidden, code, status, message)
    {
    }
}
