using EcsOperator.Kubernetes.Config;
using EcsOperator.Kubernetes.Rest;
using EcsOperator.Kubernetes.Tests.Support;
using KubeApiTestServer = EcsOperator.KubeApiServer.KubeApiTestServer;
using KubeApiTestServerOptions = EcsOperator.KubeApiServer.KubeApiTestServerOptions;
using Xunit;

namespace EcsOperator.Kubernetes.Tests.Config;

public sealed class InClusterConfigTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Reads_service_account_files_and_the_service_environment()
    {
        using var certs = new TestCertificates();
        Write(certs, "token-1");
        var config = InClusterConfigLoader.Load(InClusterConfigPaths.In(_dir.Path), Env("10.96.0.1", "443"));
        Assert.Equal(new Uri("https://10.96.0.1:443"), new Uri(config.Host));
        Assert.Equal("operators", config.Namespace);
        Assert.Single(config.SslCaCerts);

        var v6 = InClusterConfigLoader.Load(InClusterConfigPaths.In(_dir.Path), Env("fd00::1", "6443"));
        Assert.Equal("[fd00::1]", new Uri(v6.Host).Host);
    }

    [Fact]
    public async Task The_service_account_token_file_authenticates_requests()
    {
        using var certs = new TestCertificates();
        Write(certs, "sa-token\n");
        await using var server = await KubeApiTestServer.StartAsync(new KubeApiTestServerOptions { BearerToken = "sa-token" }, TestContext.Current.CancellationToken);
        var config = InClusterConfigLoader.Load(InClusterConfigPaths.In(_dir.Path), Env("10.0.0.1", "443"));
        // Same token provider, pointed at the plain-HTTP test server: the file's token (trimmed) is what is sent.
        config.Host = server.BaseAddress.ToString();
        using var client = new KubernetesClient(config);
        var list = await client.Resource(ResourceType.Namespaces, EcsOperator.Kubernetes.Model.KubernetesModelJsonContext.Default.Namespace)
            .ListAsync(null, null, TestContext.Current.CancellationToken);
        Assert.NotNull(list);
    }

    [Fact]
    public void Missing_pieces_are_named()
    {
        var paths = InClusterConfigPaths.In(_dir.Path);
        var noEnv = Assert.Throws<KubernetesConfigException>(() => InClusterConfigLoader.Load(paths, _ => null));
        Assert.Contains("KUBERNETES_SERVICE_HOST", noEnv.Message, StringComparison.Ordinal);

        var badPort = Assert.Throws<KubernetesConfigException>(() => InClusterConfigLoader.Load(paths, Env("10.0.0.1", "https")));
        Assert.Equal("KUBERNETES_SERVICE_PORT", badPort.Field);

        var noToken = Assert.Throws<KubernetesConfigException>(() => InClusterConfigLoader.Load(paths, Env("10.0.0.1", "443")));
        Assert.Equal(paths.TokenPath, noToken.File);

        File.WriteAllText(paths.TokenPath, "t");
        var noCa = Assert.Throws<KubernetesConfigException>(() => InClusterConfigLoader.Load(paths, Env("10.0.0.1", "443")));
        Assert.Equal(paths.CaPath, noCa.File);
    }

    [Fact]
    public void Resolver_prefers_in_cluster_only_when_the_service_environment_is_set()
    {
        using var certs = new TestCertificates();
        Write(certs, "t");
        var kubeconfig = _dir.Write("kubeconfig", """
            current-context: x
            clusters: [{name: c, cluster: {server: "https://laptop:6443"}}]
            contexts: [{name: x, context: {cluster: c}}]
            """);
        var options = new KubernetesClientOptions { InClusterPaths = InClusterConfigPaths.In(_dir.Path) };
        Assert.Equal("10.0.0.1", new Uri(KubernetesConfigResolver.Resolve(options, Env("10.0.0.1", "443")).Host).Host);
        var env = new Dictionary<string, string?> { ["KUBECONFIG"] = kubeconfig };
        Assert.Equal("laptop", new Uri(KubernetesConfigResolver.Resolve(options, n => env.GetValueOrDefault(n)).Host).Host);
    }

    private void Write(TestCertificates certs, string token)
    {
        File.WriteAllText(Path.Combine(_dir.Path, "token"), token);
        File.WriteAllText(Path.Combine(_dir.Path, "ca.crt"), certs.CaPem);
        File.WriteAllText(Path.Combine(_dir.Path, "namespace"), "operators\n");
    }

    private static Func<string, string?> Env(string host, string port) => name => name switch
    {
        "KUBERNETES_SERVICE_HOST" => host,
        "KUBERNETES_SERVICE_PORT" => port,
        _ => null,
    };
}
