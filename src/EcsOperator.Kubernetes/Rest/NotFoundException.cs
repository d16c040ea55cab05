using EcsOperator.Kubernetes.Model;

namespace EcsOperator.Kubernetes.Rest;

/// <summary>404 NotFound: the object (or its namespace, or the resource type) does not exist.</summary>
public sealed class NotFoundException : KubernetesApiException
{
    public NotFoundException()
    {
    }

    public NotFoundException(string message)
        : base(message)
    {
    }

    public NotFoundException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public NotFoundException(int code, Status status, string message)
        : base(KubernetesErrorReason.NotFound, code, status, message)
    {
    }
}
