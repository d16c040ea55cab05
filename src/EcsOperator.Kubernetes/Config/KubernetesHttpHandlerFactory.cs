using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace EcsOperator.Kubernetes.Config;

/// <summary>Builds the HTTP handler: trust the configured CA, check the server name, present the client certificate.</summary>
public static class KubernetesHttpHandlerFactory
{
    public static SocketsHttpHandler Create(KubernetesClientConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var handler = new SocketsHttpHandler
        {
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            // Watches are long-lived; allow plenty of them next to ordinary requests.
            MaxConnectionsPerServer = 100,
            EnableMultipleHttp2Connections = true,
        };
        handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, chain, errors) =>
            ValidateServerCertificate(configuration, certificate as X509Certificate2, chain, errors);
        // Asked per new connection, so refreshed exec-plugin certificates are picked up.
        handler.SslOptions.LocalCertificateSelectionCallback = (_, _, _, _, _) => configuration.Credentials.ClientCertificate!;
        return handler;
    }

    internal static bool ValidateServerCertificate(KubernetesClientConfiguration configuration, X509Certificate2? certificate, X509Chain? presentedChain, SslPolicyErrors errors)
    {
        if (configuration.InsecureSkipTlsVerify)
        {
            return true;
        }

        if (certificate is null)
        {
            return false;
        }

        var expectedName = configuration.TlsServerName ?? configuration.Server.IdnHost;
        if (configuration.CaCertificates is null && configuration.TlsServerName is null)
        {
            return errors == SslPolicyErrors.None;
        }

        if (configuration.CaCertificates is null)
        {
            // System trust, but the name to check is tls-server-name rather than the URL host.
            return (errors & ~SslPolicyErrors.RemoteCertificateNameMismatch) == SslPolicyErrors.None && certificate.MatchesHostname(expectedName);
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(configuration.CaCertificates);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        if (presentedChain is not null)
        {
            foreach (var element in presentedChain.ChainElements)
            {
                chain.ChainPolicy.ExtraStore.Add(element.Certificate);
            }
        }

        return chain.Build(certificate) && certificate.MatchesHostname(expectedName);
    }
}
