using System.Security.Cryptography.X509Certificates;

namespace EcsOperator.Kubernetes.Config;

/// <summary>
/// How requests authenticate: a bearer token and/or a TLS client certificate, either of which may be refreshed
/// (token files rotate, exec plugins expire). The REST client calls <see cref="Invalidate"/> on 401 and retries once.
/// </summary>
public abstract class KubernetesCredentials
{
    /// <summary>The token to send as <c>Authorization: Bearer</c>, or null.</summary>
    public abstract ValueTask<string?> GetTokenAsync(CancellationToken cancellationToken);

    /// <summary>The client certificate (with private key) for new TLS connections, or null.</summary>
    public virtual X509Certificate2? ClientCertificate => null;

    /// <summary>The server rejected the current credentials: refresh them before the next request.</summary>
    public virtual void Invalidate()
    {
    }

    /// <summary>Whether <see cref="Invalidate"/> can yield different credentials (otherwise a 401 is final).</summary>
    public virtual bool CanRefresh => false;
}
