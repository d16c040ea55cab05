using EcsOperator.Kubernetes.Model;

namespace EcsOperator.Kubernetes.Rest;

/// <summary>422 Invalid: the object failed validation; <see cref="Causes"/> names the fields.</summary>
public sealed class InvalidException : KubernetesApiException
{
    public InvalidException()
    {
    }

    public InvalidException(string message)
        : base(message)
    {
    }

    public InvalidException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public InvalidException(int code, Status status, string message)
        : base(KubernetesErrorReason.Invalid, code, status, message)
    {
    }

    /// <summary>One entry per invalid field (<see cref="StatusCause.Field"/> is the path).</summary>
    public IReadOnlyList<StatusCause> Causes => Status.Details?.Causes ?? [];
}
