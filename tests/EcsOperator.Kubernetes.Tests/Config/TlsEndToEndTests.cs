using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using EcsOperator.Kubernetes.Config;
using EcsOperator.Kubernetes.Rest;
using EcsOperator.Kubernetes.Tests.Support;
using Xunit;

namespace EcsOperator.Kubernetes.Tests.Config;

/// <summary>The kubeconfig's TLS settings against a real HTTPS server that asks for a client certificate.</summary>
public sealed class TlsEndToEndTests : IAsyncLifetime
{
    private readonly TestCertificates _certs = new();
    private readonly TempDir _dir = new();
    private WhoAmIServer _server = null!;

    public async ValueTask InitializeAsync() => _server = await WhoAmIServer.StartAsync(_certs);

    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync();
        _certs.Dispose();
        _dir.Dispose();
    }

    [Theory]
    [InlineData("rsa-pkcs1", "rsa-user")]
    [InlineData("rsa-pkcs8", "rsa-user")]
    [InlineData("ec-sec1", "ec-user")]
    [InlineData("ec-pkcs8", "ec-user")]
    public async Task Trusted_CA_and_client_certificate_data_with_RSA_and_EC_keys_authenticate(string keyKind, string user)
    {
        var (cert, key) = keyKind switch
        {
            "rsa-pkcs1" => (_certs.RsaClientCertPem, _certs.RsaKeyPkcs1Pem),
            "rsa-pkcs8" => (_certs.RsaClientCertPem, _certs.RsaKeyPkcs8Pem),
            "ec-sec1" => (_certs.EcClientCertPem, _certs.EcKeySec1Pem),
            _ => (_certs.EcClientCertPem, _certs.EcKeyPkcs8Pem),
        };
        var names = await WhoAmIAsync($"  cluster: {Cluster(ca: true)}",
            $"client-certificate-data: {TestCertificates.B64(cert)}, client-key-data: {TestCertificates.B64(key)}, token: abc");
        Assert.Equal([user, "token-abc"], names);
    }

    [Fact]
    public async Task Relative_certificate_paths_resolve_against_the_kubeconfig_directory()
    {
        _dir.Write("pki/ca.crt", _certs.CaPem);
        _dir.Write("pki/client.crt", _certs.EcClientCertPem);
        _dir.Write("pki/client.key", _certs.EcKeySec1Pem);
        var names = await WhoAmIAsync($"  cluster: {{server: '{_server.Address}', certificate-authority: pki/ca.crt}}",
            "client-certificate: pki/client.crt, client-key: pki/client.key");
        Assert.Equal("ec-user", names[0]);
    }

    [Fact]
    public async Task A_server_not_signed_by_a_trusted_CA_is_rejected_unless_verification_is_skipped()
    {
        await Assert.ThrowsAsync<HttpRequestException>(() => WhoAmIAsync($"  cluster: {Cluster(ca: false)}", "token: t"));
        var names = await WhoAmIAsync($"  cluster: {Cluster(ca: false, extra: ", insecure-skip-tls-verify: true")}", "token: t");
        Assert.Equal(["anonymous", "token-t"], names);
    }

    [Fact]
    public async Task Tls_server_name_replaces_the_host_in_the_certificate_check()
    {
        var ok = await WhoAmIAsync($"  cluster: {Cluster(ca: true, extra: ", tls-server-name: kubernetes.default.svc")}", "token: t");
        Assert.Equal("anonymous", ok[0]);
        await Assert.ThrowsAsync<HttpRequestException>(() =>
            WhoAmIAsync($"  cluster: {Cluster(ca: true, extra: ", tls-server-name: evil.example.com")}", "token: t"));
    }

    [Fact]
    public async Task A_user_with_username_and_password_sends_basic_authentication()
    {
        var names = await WhoAmIAsync($"  cluster: {Cluster(ca: true)}", "username: admin, password: 's3cret'");
        Assert.Equal(["anonymous", "token-Basic " + Convert.ToBase64String("admin:s3cret"u8.ToArray())], names);
    }

    [Theory]
    [InlineData("certificate-authority-data")]
    [InlineData("certificate-authority")]
    public async Task Every_CA_of_a_bundle_is_trusted_not_only_the_first(string field)
    {
        // A CA bundle during a CA rotation: the new CA first, the one that signed the server second.
        using var otherKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var otherRequest = new CertificateRequest("CN=other-ca", otherKey, HashAlgorithmName.SHA256);
        otherRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        using var otherCa = otherRequest.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        var bundle = otherCa.ExportCertificatePem() + "\n" + _certs.CaPem;
        var value = field == "certificate-authority" ? _dir.Write("pki/bundle.crt", bundle) : TestCertificates.B64(bundle);

        var names = await WhoAmIAsync($"  cluster: {{server: '{_server.Address}', {field}: '{value}'}}", "token: t");
        Assert.Equal("anonymous", names[0]);

        // The bundle without the server's CA is still rejected: trusting more than the bundle would be the wrong fix.
        var otherOnly = otherCa.ExportCertificatePem();
        await Assert.ThrowsAsync<HttpRequestException>(() =>
            WhoAmIAsync($"  cluster: {{server: '{_server.Address}', certificate-authority-data: {TestCertificates.B64(otherOnly)}}}", "token: t"));
    }

    private string Cluster(bool ca, string extra = "") =>
        $"{{server: '{_server.Address}'" + (ca ? $", certificate-authority-data: {TestCertificates.B64(_certs.CaPem)}" : string.Empty) + extra + "}";

    private async Task<string[]> WhoAmIAsync(string clusterLine, string user)
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
        using var client = new KubernetesClient(KubernetesConfigResolver.FromKubeConfig([file]));
        return await WhoAmIServer.WhoAmIAsync(client);
    }
}
