using EcsOperator.Kubernetes.Config;
using EcsOperator.Kubernetes.Tests.Support;
using Xunit;

namespace EcsOperator.Kubernetes.Tests.Config;

public sealed class KubeConfigLoaderTests : IDisposable
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;
    private static readonly TestCertificates Certs = new();
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Token_user_with_inline_CA_and_context_namespace()
    {
        var file = _dir.Write("config", $$"""
            apiVersion: v1
            kind: Config
            current-context: dev
            clusters:
            - name: c1
              cluster:
                server: https://127.0.0.1:6443
                certificate-authority-data: {{TestCertificates.B64(Certs.CaPem)}}
            users:
            - name: u1
              user:
                token: secret-token
            contexts:
            - name: dev
              context: {cluster: c1, user: u1, namespace: shop}
            """);
        var config = KubeConfigLoader.Load([file]);
        Assert.Equal(new Uri("https://127.0.0.1:6443"), config.Server);
        Assert.Equal("shop", config.Namespace);
        Assert.Equal(Certs.Ca.Thumbprint, Assert.Single(config.CaCertificates!).Thumbprint);
        Assert.Equal("secret-token", await config.Credentials.GetTokenAsync(Ct));
        Assert.Null(config.Credentials.ClientCertificate);
    }

    [Theory]
    [InlineData("rsa-pkcs1")]
    [InlineData("rsa-pkcs8")]
    [InlineData("ec-sec1")]
    [InlineData("ec-pkcs8")]
    public void Client_certificate_data_with_RSA_and_EC_keys(string keyKind)
    {
        var (cert, key) = keyKind switch
        {
            "rsa-pkcs1" => (Certs.RsaClientCertPem, Certs.RsaKeyPkcs1Pem),
            "rsa-pkcs8" => (Certs.RsaClientCertPem, Certs.RsaKeyPkcs8Pem),
            "ec-sec1" => (Certs.EcClientCertPem, Certs.EcKeySec1Pem),
            _ => (Certs.EcClientCertPem, Certs.EcKeyPkcs8Pem),
        };
        var file = _dir.Write("config", Config($"""
              user:
                client-certificate-data: {TestCertificates.B64(cert)}
                client-key-data: {TestCertificates.B64(key)}
            """));
        var config = KubeConfigLoader.Load([file]);
        var clientCert = config.Credentials.ClientCertificate;
        Assert.NotNull(clientCert);
        Assert.True(clientCert.HasPrivateKey);
        Assert.StartsWith(keyKind.StartsWith("rsa", StringComparison.Ordinal) ? "CN=rsa-user" : "CN=ec-user", clientCert.Subject, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Relative_certificate_and_token_file_paths_resolve_against_the_kubeconfig_directory()
    {
        _dir.Write("pki/ca.crt", Certs.CaPem);
        _dir.Write("pki/client.crt", Certs.EcClientCertPem);
        _dir.Write("pki/client.key", Certs.EcKeySec1Pem);
        _dir.Write("pki/token", "file-token\n");
        var file = _dir.Write("sub/../config", """
            current-context: ctx
            clusters:
            - name: c
              cluster:
                server: https://127.0.0.1:6443
                certificate-authority: pki/ca.crt
                tls-server-name: kubernetes.default.svc
            users:
            - name: u
              user:
                client-certificate: pki/client.crt
                client-key: pki/client.key
                tokenFile: pki/token
            contexts:
            - name: ctx
              context: {cluster: c, user: u}
            """);
        var config = KubeConfigLoader.Load([file]);
        Assert.Single(config.CaCertificates!);
        Assert.Equal("kubernetes.default.svc", config.TlsServerName);
        Assert.Equal("default", config.Namespace);
        Assert.NotNull(config.Credentials.ClientCertificate);
        Assert.Equal("file-token", await config.Credentials.GetTokenAsync(Ct));
    }

    [Fact]
    public void Several_files_merge_with_the_first_definition_winning()
    {
        var first = _dir.Write("first", """
            current-context: from-first
            clusters:
            - name: shared
              cluster: {server: "https://first:6443", insecure-skip-tls-verify: true}
            contexts:
            - name: from-first
              context: {cluster: shared, user: only-in-second}
            """);
        var second = _dir.Write("second", """
            current-context: from-second
            clusters:
            - name: shared
              cluster: {server: "https://second:6443"}
            - name: other
              cluster: {server: "https://other:6443"}
            users:
            - name: only-in-second
              user: {token: t2}
            contexts:
            - name: from-second
              context: {cluster: other, user: only-in-second, namespace: two}
            """);
        var config = KubeConfigLoader.Load([first, Path.Combine(_dir.Path, "missing"), second]);
        Assert.Equal("first", config.Server.Host);
        Assert.True(config.InsecureSkipTlsVerify);
        Assert.Contains("from-first", config.Source, StringComparison.Ordinal);

        var explicitContext = KubeConfigLoader.Load([first, second], context: "from-second");
        Assert.Equal("other", explicitContext.Server.Host);
        Assert.Equal("two", explicitContext.Namespace);
    }

    [Fact]
    public void KUBECONFIG_lists_several_files()
    {
        var a = _dir.Write("a", "clusters: []");
        var b = _dir.Write("b", Config("  user: {token: x}"));
        var env = new Dictionary<string, string?> { ["KUBECONFIG"] = $"{a}{Path.PathSeparator}{b}" };
        var config = KubeConfigLoader.Load(environment: n => env.GetValueOrDefault(n));
        Assert.Equal("127.0.0.1", config.Server.Host);
        Assert.Equal([a, b], KubeConfigLoader.DefaultPaths(n => env.GetValueOrDefault(n)));
    }

    [Theory]
    [InlineData("missing-file", null, "kubeconfig file not found")]
    [InlineData("bad-yaml", null, "not valid YAML")]
    [InlineData("no-server", "clusters[c].cluster.server", "is required")]
    [InlineData("bad-server", "clusters[c].cluster.server", "not an http(s) URL")]
    [InlineData("bad-base64", "clusters[c].cluster.certificate-authority-data", "not valid base64")]
    [InlineData("bad-ca", "clusters[c].cluster.certificate-authority-data", "no PEM CERTIFICATE")]
    [InlineData("undefined-cluster", "contexts[ctx].context.cluster", "cluster 'nope' is not defined")]
    [InlineData("undefined-user", "contexts[ctx].context.user", "user 'nope' is not defined")]
    [InlineData("no-current-context", "current-context", "is not set")]
    [InlineData("key-without-cert", "users[u].user.client-certificate-data", "is required")]
    [InlineData("bad-key", "users[u].user.client-certificate/client-key", "cannot load the client certificate")]
    [InlineData("bad-exec-version", "users[u].user.exec.apiVersion", "unsupported exec plugin apiVersion")]
    [InlineData("exec-no-command", "users[u].user.exec.command", "is required")]
    [InlineData("bad-bool", "clusters[c].cluster.insecure-skip-tls-verify", "not a boolean")]
    public void Bad_configuration_gives_one_clear_error_naming_file_and_field(string scenario, string? field, string message)
    {
        var content = scenario switch
        {
            "bad-yaml" => "clusters: [\n  - name: : :",
            "no-server" => Config("  user: {token: x}", cluster: "{}"),
            "bad-server" => Config("  user: {token: x}", cluster: "{server: 'localhost:6443'}"),
            "bad-base64" => Config("  user: {token: x}", cluster: "{server: 'https://h', certificate-authority-data: '%%%'}"),
            "bad-ca" => Config("  user: {token: x}", cluster: $"{{server: 'https://h', certificate-authority-data: '{TestCertificates.B64("hello")}'}}"),
            "undefined-cluster" => Config("  user: {token: x}").Replace("cluster: c,", "cluster: nope,", StringComparison.Ordinal),
            "undefined-user" => Config("  user: {token: x}").Replace("user: u}", "user: nope}", StringComparison.Ordinal),
            "no-current-context" => Config("  user: {token: x}").Replace("current-context: ctx", string.Empty, StringComparison.Ordinal),
            "key-without-cert" => Config($"  user: {{client-key-data: {TestCertificates.B64(Certs.EcKeySec1Pem)}}}"),
            "bad-key" => Config($"  user: {{client-certificate-data: {TestCertificates.B64(Certs.EcClientCertPem)}, client-key-data: {TestCertificates.B64(Certs.RsaKeyPkcs1Pem)}}}"),
            "bad-exec-version" => Config("  user: {exec: {apiVersion: client.authentication.k8s.io/v1alpha1, command: x}}"),
            "exec-no-command" => Config("  user: {exec: {apiVersion: client.authentication.k8s.io/v1}}"),
            "bad-bool" => Config("  user: {token: x}", cluster: "{server: 'https://h', insecure-skip-tls-verify: maybe}"),
            _ => null,
        };
        var file = content is null ? Path.Combine(_dir.Path, "does-not-exist") : _dir.Write("config", content);
        var ex = Assert.Throws<KubernetesConfigException>(() => KubeConfigLoader.Load([file]));
        Assert.Equal(file, ex.File);
        Assert.Equal(field, ex.Field);
        Assert.Contains(message, ex.Message, StringComparison.Ordinal);
        Assert.Contains(file, ex.Message, StringComparison.Ordinal);
    }

    private static string Config(string userBody, string cluster = "{server: 'https://127.0.0.1:6443'}") => $$"""
        current-context: ctx
        clusters:
        - name: c
          cluster: {{cluster}}
        users:
        - name: u
        {{userBody}}
        contexts:
        - name: ctx
          context: {cluster: c, user: u}
        """;
}
