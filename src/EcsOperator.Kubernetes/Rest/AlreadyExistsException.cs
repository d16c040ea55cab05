using EcsOperator.Kubernetes.Model;

namespace EcsOperator.Kubernetes.Rest;

/// <summary>409 AlreadyExists: a create found an object of that name.</summary>
public sealed class AlreadyExistsException : KubernetesApiException
{
    public AlreadyExistsException()
    {
    }

    public AlreadyExistsException(string message)
        : base(message)
    {
    }

    public AlreadyExistsException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public AlreadyExistsException(int code, Status status, string message)
        : base(KubernetesErrorReason.AlreadyExists, code, status, message)
    {
    }
}
