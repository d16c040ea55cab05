using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using k8s;
using k8s.Authentication;
using k8s.Exceptions;

namespace EcsOperator.Kubernetes.Rest;

/// <summary>
/// The connection to the API server built from KubernetesClient's configuration: TLS (CA bundle,
/// insecure-skip-tls-verify, tls-server-name, client certificate) and the credentials (static token, rotated token
/// file, exec plugin, basic auth), as <c>k8s.Kubernetes</c> sets them up. Built here rather than by constructing
/// <c>k8s.Kubernetes</c>: that object reads the configuration's <c>JsonSerializerOptions</c>, whose default roots the
/// library's JSON context over every Kubernetes model, about 29,000 generic System.Text.Json types that Native AOT
/// compiles into the binary and rebuilds in memory at every start (tests/Benchmarks/README.md, "Memory (rsscut branch)").
/// </summary>
internal sealed class KubernetesTransport : IDisposable
{
    private KubernetesTransport(HttpClient http, SocketsHttpHandler connection, ServiceClientCredentials? credentials)
    {
        Http = http;
        Connection = connection;
        Credentials = credentials;
    }

    /// <summary>Sends requests through the caller's handlers, then the connection; its base address is the server's.</summary>
    public HttpClient Http { get; }

    /// <summary>The innermost handler: connection pooling and TLS.</summary>
    public SocketsHttpHandler Connection { get; }

    /// <summary>Adds the Authorization header (token providers refresh on their own schedule); null when anonymous.</summary>
    public ServiceClientCredentials? Credentials { get; }

    /// <param name="handlers">Handlers in front of the connection, outermost first.</param>
    public static KubernetesTransport Create(KubernetesClientConfiguration configuration, IReadOnlyList<DelegatingHandler>? handlers)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (string.IsNullOrWhiteSpace(configuration.Host))
            throw new KubeConfigException("Host url must be set");
        Uri server;
        try
        {
            server = new Uri(configuration.Host);
        }
        catch (UriFormatException e)
        {
            throw new KubeConfigException("Bad host url", e);
        }

        var connection = new SocketsHttpHandler
        {
            KeepAlivePingPolicy = HttpKeepAlivePingPolicy.WithActiveRequests,
            KeepAlivePingDelay = TimeSpan.FromMinutes(3),
            KeepAlivePingTimeout = TimeSpan.FromSeconds(30),
            EnableMultipleHttp2Connections = true,
            // Pick up DNS changes of the API server's address now and then; watches stay open regardless.
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        };
        connection.SslOptions.ClientCertificates = [];
        configuration.FirstMessageHandlerSetup?.Invoke(connection);
        HttpMessageHandler first = connection;
        var http = default(HttpClient);
        try
        {
            if (server.Scheme == Uri.UriSchemeHttps)
                connection.SslOptions.RemoteCertificateValidationCallback = configuration.SkipTlsVerify
                    ? (_, _, _, _) => true
                    : ServerCertificateCheck(configuration.SslCaCerts);

            if (ClientCertificate(configuration) is { } clientCertificate)
            {
                connection.SslOptions.ClientCertificates.Add(clientCertificate);
                // As the library does: without it, .NET may keep offering a cached certificate.
                connection.SslOptions.LocalCertificateSelectionCallback = (_, _, _, _, _) => clientCertificate;
            }

            var credentials = CredentialsFor(configuration);
            for (var i = (handlers?.Count ?? 0) - 1; i >= 0; i--)
            {
                var outer = handlers![i];
                var innermost = outer;
                while (innermost.InnerHandler is DelegatingHandler inner)
                    innermost = inner;
                innermost.InnerHandler = first;
                first = outer;
            }

            http = new HttpClient(first, disposeHandler: true)
            {
                // Each request has its own timeout (KubernetesClientOptions.RequestTimeout); a watch has none.
                Timeout = Timeout.InfiniteTimeSpan,
                // As the library's BaseUri: relative paths resolve below the server's path, not beside it.
                BaseAddress = new Uri(server.AbsoluteUri.EndsWith('/') ? server.AbsoluteUri : server.AbsoluteUri + "/"),
            };
            return new KubernetesTransport(http, connection, credentials);
        }
        catch
        {
            if (http is null)
                first.Dispose();
            else
                http.Dispose();
            throw;
        }
    }

    public void Dispose() => Http.Dispose();

    /// <summary>
    /// The server certificate check. A name mismatch against the URL host (or tls-server-name, sent as the Host
    /// header) is always rejected, as client-go does (the library accepted a chain-valid certificate for any name
    /// when a CA was configured). Otherwise: trusted by the system, or, with a CA bundle, a chain built only on that
    /// bundle (no system roots) that ends in one of its certificates.
    /// </summary>
    internal static RemoteCertificateValidationCallback ServerCertificateCheck(X509Certificate2Collection? caBundle) =>
        (_, certificate, chain, errors) =>
        {
            if ((errors & SslPolicyErrors.RemoteCertificateNameMismatch) != 0)
                return false;
            if (errors == SslPolicyErrors.None)
                return true;
            if (caBundle is not { Count: > 0 } || errors != SslPolicyErrors.RemoteCertificateChainErrors
                || certificate is not X509Certificate2 server || chain is null)
                return false;
            // Trusted only if the chain ends in one of the bundle's certificates: with custom root trust, the
            // bundle is the whole trust store (the library checked that loosely, building a chain for each CA).
            chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
            chain.ChainPolicy.CustomTrustStore.AddRange(caBundle);
            chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
            return chain.Build(server);
        };

    /// <summary>
    /// The client certificate and key (PEM), each from its file or else its base64 data, as the library reads them;
    /// none unless both are given.
    /// </summary>
    private static X509Certificate2? ClientCertificate(KubernetesClientConfiguration configuration)
    {
        var certificate = Pem(configuration.ClientCertificateFilePath, configuration.ClientCertificateData);
        var key = Pem(configuration.ClientKeyFilePath, configuration.ClientCertificateKeyData);
        return certificate is null || key is null ? null : X509Certificate2.CreateFromPem(certificate, key);
    }

    private static string? Pem(string? file, string? base64) =>
        !string.IsNullOrWhiteSpace(file) ? File.ReadAllText(file)
        : !string.IsNullOrWhiteSpace(base64) ? Encoding.UTF8.GetString(Convert.FromBase64String(base64))
        : null;

    /// <summary>The library's choice, in its order: a token provider (token file, exec plugin), a token, basic auth.</summary>
    private static ServiceClientCredentials? CredentialsFor(KubernetesClientConfiguration configuration)
    {
        if (configuration.TokenProvider is not null)
            return new TokenCredentials(configuration.TokenProvider);
        if (!string.IsNullOrEmpty(configuration.AccessToken))
            return new TokenCredentials(configuration.AccessToken);
        if (!string.IsNullOrEmpty(configuration.Username))
            return new BasicAuthenticationCredentials { UserName = configuration.Username, Password = configuration.Password };
        return null;
    }
}
