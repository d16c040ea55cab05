using EcsOperator.Kubernetes.Model;

namespace EcsOperator.Kubernetes.Rest;

/// <summary>5xx or a timeout: the server failed; the request may succeed later.</summary>
public sealed class ServerErrorException : KubernetesApiException
{
    public ServerErrorException()
    {
    }

    public ServerErrorException(string message)
        : base(message)
    {
    }

    public ServerErrorException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ServerErrorException(KubernetesErrorReason reason, int code, Status status, string message, Exception? innerException = null)
        : base(reason, code, status, message, innerException)
    {
    }
}
