using EcsOperator.Kubernetes.Config;
using EcsOperator.Kubernetes.Tests.Support;
using Xunit;

namespace EcsOperator.Kubernetes.Tests.Config;

/// <summary>Which cluster, user and namespace a kubeconfig (or several) selects, and errors that name the file.</summary>
public sealed class KubeConfigTests : IDisposable
{
    private static readonly TestCertificates Certs = new();
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Token_user_with_inline_CA_and_context_namespace()
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
        var config = KubernetesConfigResolver.FromKubeConfig([file]);
        Assert.Equal(new Uri("https://127.0.0.1:6443"), new Uri(config.Host));
        Assert.Equal("shop", config.Namespace);
        Assert.Equal(Certs.Ca.Thumbprint, Assert.Single(config.SslCaCerts).Thumbprint);
        Assert.Equal("secret-token", config.AccessToken);
    }

    [Fact]
    public void Without_a_context_namespace_the_namespace_is_default()
    {
        var config = KubernetesConfigResolver.FromKubeConfig([_dir.Write("config", Config("  user: {token: x}"))]);
        Assert.Equal("default", config.Namespace);
    }

    [Fact]
    public void A_user_without_credentials_is_anonymous_as_with_kubectl()
    {
        var config = KubernetesConfigResolver.FromKubeConfig([_dir.Write("config", Config("  user: {}"))]);
        Assert.Null(config.AccessToken);
        Assert.Null(config.TokenProvider);
        Assert.Null(config.ClientCertificateData);
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
        _dir.Write("second-dir/pki/client.crt", Certs.EcClientCertPem);
        _dir.Write("second-dir/pki/client.key", Certs.EcKeySec1Pem);
        var second = _dir.Write("second-dir/second", """
            current-context: from-second
            clusters:
            - name: shared
              cluster: {server: "https://second:6443"}
            - name: other
              cluster: {server: "https://other:6443"}
            users:
            - name: only-in-second
              user: {token: t2, client-certificate: pki/client.crt, client-key: pki/client.key}
            contexts:
            - name: from-second
              context: {cluster: other, user: only-in-second, namespace: two}
            """);
        var config = KubernetesConfigResolver.FromKubeConfig([first, Path.Combine(_dir.Path, "missing"), second]);
        Assert.Equal("first", new Uri(config.Host).Host);
        Assert.True(config.SkipTlsVerify);
        Assert.Equal("t2", config.AccessToken);
        // A relative path in the second file resolves against the second file's directory.
        Assert.Equal(Path.Combine(_dir.Path, "second-dir", "pki", "client.crt"), config.ClientCertificateFilePath);

        var explicitContext = KubernetesConfigResolver.FromKubeConfig([first, second], context: "from-second");
        Assert.Equal("other", new Uri(explicitContext.Host).Host);
        Assert.Equal("two", explicitContext.Namespace);
    }

    [Fact]
    public void KUBECONFIG_lists_several_files()
    {
        var a = _dir.Write("a", "clusters: []");
        var b = _dir.Write("b", Config("  user: {token: x}"));
        var env = new Dictionary<string, string?> { ["KUBECONFIG"] = $"{a}{Path.PathSeparator}{b}" };
        var config = KubernetesConfigResolver.FromKubeConfig(environment: n => env.GetValueOrDefault(n));
        Assert.Equal("127.0.0.1", new Uri(config.Host).Host);
        Assert.Equal([a, b], KubeConfigFiles.DefaultPaths(n => env.GetValueOrDefault(n)));
    }

    [Theory]
    [InlineData("missing-file", "kubeconfig file not found")]
    [InlineData("bad-yaml", "cannot read the kubeconfig")]
    [InlineData("no-current-context", "current-context: is not set")]
    [InlineData("undefined-context", "nope")]
    [InlineData("undefined-user", "User not found")]
    [InlineData("no-server", "Server not found")]
    [InlineData("exec-no-command", "must include a command")]
    public void Bad_configuration_gives_one_clear_error_naming_the_file(string scenario, string message)
    {
        var content = scenario switch
        {
            "bad-yaml" => "clusters: [\n  - name: : :",
            "no-current-context" => Config("  user: {token: x}").Replace("current-context: ctx", string.Empty, StringComparison.Ordinal),
            "undefined-context" => Config("  user: {token: x}").Replace("current-context: ctx", "current-context: nope", StringComparison.Ordinal),
            "undefined-user" => Config("  user: {token: x}").Replace("user: u}", "user: nope}", StringComparison.Ordinal),
            "no-server" => Config("  user: {token: x}", cluster: "{insecure-skip-tls-verify: true}"),
            "exec-no-command" => Config("  user: {exec: {apiVersion: client.authentication.k8s.io/v1}}"),
            _ => null,
        };
        var file = content is null ? Path.Combine(_dir.Path, "does-not-exist") : _dir.Write("config", content);
        var ex = Assert.Throws<KubernetesConfigException>(() => KubernetesConfigResolver.FromKubeConfig([file]));
        Assert.Contains(message, ex.Message, StringComparison.Ordinal);
        Assert.StartsWith(file, ex.Message, StringComparison.Ordinal);
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
