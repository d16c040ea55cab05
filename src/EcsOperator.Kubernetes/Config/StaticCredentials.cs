using System.Security.Cryptography.X509Certificates;

namespace EcsOperator.Kubernetes.Config;

/// <summary>A fixed token and/or client certificate (kubeconfig <c>token</c>, <c>client-certificate(-data)</c>).</summary>
public sealed class StaticCredentials(string? token, X509Certificate2? clientCertificate) : KubernetesCredentials
{
    /// <summary>No authentication (e.g. a test server).</summary>
    public static StaticCredentials Anonymous { get; } = new(null, null);

    public override X509Certificate2? ClientCertificate => clientCertificate;

    public override ValueTask<string?> GetTokenAsync(CancellationToken cancellationToken) => ValueTask.FromResult(token);
}
