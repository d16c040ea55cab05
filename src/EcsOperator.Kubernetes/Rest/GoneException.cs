using EcsOperator.Kubernetes.Model;

namespace EcsOperator.Kubernetes.Rest;

/// <summary>410 Gone / Expired: the resourceVersion is older than the server's history; re-list.</summary>
public sealed class GoneException : KubernetesApiException
{
    public GoneException()
    {
    }

    public GoneException(string message)
        : base(message)
    {
    }

    public GoneException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public GoneException(int code, Status status, string message)
        : base(KubernetesErrorReason.Gone, code, status, message)
    {
    }
}
