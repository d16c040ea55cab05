using System.Security.Cryptography.X509Certificates;

namespace EcsOperator.Kubernetes.Config;

/// <summary>Resolved connection settings: where the API server is, how to trust it, how to authenticate.</summary>
public sealed record KubernetesClientConfiguration
{
    /// <summary>The API server, e.g. <c>https://10.96.0.1:443</c>.</summary>
    public required Uri Server { get; init; }

    /// <summary>CAs to trust instead of the system store (null: system store).</summary>
    public X509Certificate2Collection? CaCertificates { get; init; }

    /// <summary>Accept any server certificate (kubeconfig insecure-skip-tls-verify).</summary>
    public bool InsecureSkipTlsVerify { get; init; }

    /// <summary>The name to check the server certificate against instead of the URL host.</summary>
    public string? TlsServerName { get; init; }

    public KubernetesCredentials Credentials { get; init; } = StaticCredentials.Anonymous;

    /// <summary>The namespace of the context (or of the pod, in-cluster); <c>default</c> otherwise.</summary>
    public string Namespace { get; init; } = "default";

    /// <summary>Where this came from (for logs): "in-cluster" or "kubeconfig context X from file Y".</summary>
    public string Source { get; init; } = "explicit";
}
