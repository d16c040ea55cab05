using EcsOperator.Kubernetes.Model;

namespace EcsOperator.Kubernetes.Rest;

/// <summary>409 Conflict: the resourceVersion (or a delete precondition) was stale; re-read and retry.</summary>
public sealed class ConflictException : KubernetesApiException
{
    public ConflictException()
    {
    }

    public ConflictException(string message)
        : base(message)
    {
    }

    public ConflictException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ConflictException(int code, Status status, string message)
        : base(KubernetesErrorReason.Conflict, code, status, message)
    {
    }
}
