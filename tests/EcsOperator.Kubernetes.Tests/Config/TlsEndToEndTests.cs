using System.Net;
using EcsOperator.Kubernetes.Config;
using EcsOperator.Kubernetes.Model;
using EcsOperator.Kubernetes.Rest;
using EcsOperator.Kubernetes.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace EcsOperator.Kubernetes.Tests.Config;

/// <summary>The kubeconfig's TLS settings against a real HTTPS server that asks for a client certificate.</summary>
public sealed class TlsEndToEndTests : IAsyncLifetime
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;
    private readonly TestCertificates _certs = new();
    private readonly TempDir _dir = new();
    private WebApplication? _app;
    private Uri _server = null!;

    public async ValueTask InitializeAsync()
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0, l => l.UseHttps(new HttpsConnectionAdapterOptions
        {
            ServerCertificate = _certs.Server,
            ClientCertificateMode = ClientCertificateMode.AllowCertificate,
            ClientCertificateValidation = (_, _, _) => true,
        })));
        _app = builder.Build();
        _app.Run(async context =>
        {
            // Echo who we are talking to as a namespace name: the client certificate's CN and the bearer token.
            var cn = context.Connection.ClientCertificate?.GetNameInfo(System.Security.Cryptography.X509Certificates.X509NameType.SimpleName, false) ?? "anonymous";
            var token = context.Request.Headers.Authorization.ToString().Replace("Bearer ", string.Empty, StringComparison.Ordinal);
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync($$$"""{"kind":"NamespaceList","apiVersion":"v1","metadata":{"resourceVersion":"1"},"items":[{"metadata":{"name":"{{{cn}}}"}},{"metadata":{"name":"token-{{{token}}}"}}]}""");
        });
        await _app.StartAsync(Ct);
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        _server = new Uri(address);
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        _certs.Dispose();
        _dir.Dispose();
    }

    [Fact]
    public async Task Trusted_CA_and_EC_client_certificate_authenticate()
    {
        var names = await ListNamespacesAsync($"""
              cluster: {Cluster(ca: true)}
            """, $"client-certificate-data: {TestCertificates.B64(_certs.EcClientCertPem)}, client-key-data: {TestCertificates.B64(_certs.EcKeySec1Pem)}, token: abc");
        Assert.Equal(["ec-user", "token-abc"], names);
    }

    [Fact]
    public async Task RSA_client_certificate_with_a_PKCS8_key_authenticates()
    {
        var names = await ListNamespacesAsync($"  cluster: {Cluster(ca: true)}",
            $"client-certificate-data: {TestCertificates.B64(_certs.RsaClientCertPem)}, client-key-data: {TestCertificates.B64(_certs.RsaKeyPkcs8Pem)}");
        Assert.Equal("rsa-user", names[0]);
    }

    [Fact]
    public async Task A_server_not_signed_by_a_trusted_CA_is_rejected_unless_verification_is_skipped()
    {
        await Assert.ThrowsAsync<HttpRequestException>(() => ListNamespacesAsync($"  cluster: {Cluster(ca: false)}", "token: t"));
        var names = await ListNamespacesAsync($"  cluster: {Cluster(ca: false, extra: ", insecure-skip-tls-verify: true")}", "token: t");
        Assert.Equal("anonymous", names[0]);
    }

    [Fact]
    public async Task Tls_server_name_replaces_the_host_in_the_certificate_check()
    {
        var ok = await ListNamespacesAsync($"  cluster: {Cluster(ca: true, extra: ", tls-server-name: kubernetes.default.svc")}", "token: t");
        Assert.Equal("anonymous", ok[0]);
        await Assert.ThrowsAsync<HttpRequestException>(() =>
            ListNamespacesAsync($"  cluster: {Cluster(ca: true, extra: ", tls-server-name: evil.example.com")}", "token: t"));
    }

    private string Cluster(bool ca, string extra = "") =>
        $"{{server: '{_server}'" + (ca ? $", certificate-authority-data: {TestCertificates.B64(_certs.CaPem)}" : string.Empty) + extra + "}";

    private async Task<string[]> ListNamespacesAsync(string clusterLine, string user)
    {
        var file = _dir.Write($"config-{Guid.NewGuid():N}", $$"""
            current-context: ctx
            clusters:
            - name: c
            {{clusterLine}}
            users:
            - name: u
              user: {{{user}}}
            contexts:
            - name: ctx
              context: {cluster: c, user: u}
            """);
        using var client = new KubernetesClient(KubeConfigLoader.Load([file]));
        var list = await client.Resource(ResourceType.Namespaces, KubernetesModelJsonContext.Default.Namespace).ListAsync(null, null, Ct);
        return [.. list.Items.Select(n => n.Metadata.Name!)];
    }
}
