using EcsOperator.Kubernetes.Config;
using EcsOperator.Kubernetes.Tests.Support;
using Xunit;

namespace EcsOperator.Kubernetes.Tests.Config;

public sealed class InClusterConfigTests : IDisposable
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;
    private readonly TempDir _dir = new();
    private readonly ManualTimeProvider _time = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Reads_service_account_files_and_the_service_environment()
    {
        using var certs = new TestCertificates();
        Write(certs, "token-1");
        var config = InClusterConfigLoader.Load(InClusterConfigPaths.In(_dir.Path), Env("10.96.0.1", "443"), _time);
        Assert.Equal(new Uri("https://10.96.0.1:443"), config.Server);
        Assert.Equal("operators", config.Namespace);
        Assert.Single(config.CaCertificates!);
        Assert.Equal("token-1", await config.Credentials.GetTokenAsync(Ct));

        var v6 = InClusterConfigLoader.Load(InClusterConfigPaths.In(_dir.Path), Env("fd00::1", "6443"), _time);
        Assert.Equal("[fd00::1]", v6.Server.Host);
    }

    [Fact]
    public async Task A_rotated_token_is_picked_up_after_a_minute_or_after_a_401()
    {
        using var certs = new TestCertificates();
        Write(certs, "token-1");
        var credentials = InClusterConfigLoader.Load(InClusterConfigPaths.In(_dir.Path), Env("10.0.0.1", "443"), _time).Credentials;
        Assert.Equal("token-1", await credentials.GetTokenAsync(Ct));

        File.WriteAllText(Path.Combine(_dir.Path, "token"), "token-2");
        _time.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal("token-1", await credentials.GetTokenAsync(Ct)); // cached
        _time.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal("token-2", await credentials.GetTokenAsync(Ct)); // re-read after a minute

        File.WriteAllText(Path.Combine(_dir.Path, "token"), "token-3");
        credentials.Invalidate();
        Assert.Equal("token-3", await credentials.GetTokenAsync(Ct)); // re-read at once after a 401
    }

    [Fact]
    public void Missing_pieces_are_named()
    {
        var paths = InClusterConfigPaths.In(_dir.Path);
        var noEnv = Assert.Throws<KubernetesConfigException>(() => InClusterConfigLoader.Load(paths, _ => null, _time));
        Assert.Contains("KUBERNETES_SERVICE_HOST", noEnv.Message, StringComparison.Ordinal);

        var badPort = Assert.Throws<KubernetesConfigException>(() => InClusterConfigLoader.Load(paths, Env("10.0.0.1", "https"), _time));
        Assert.Equal("KUBERNETES_SERVICE_PORT", badPort.Field);

        var noToken = Assert.Throws<KubernetesConfigException>(() => InClusterConfigLoader.Load(paths, Env("10.0.0.1", "443"), _time));
        Assert.Equal(paths.TokenPath, noToken.File);

        File.WriteAllText(paths.TokenPath, "t");
        var noCa = Assert.Throws<KubernetesConfigException>(() => InClusterConfigLoader.Load(paths, Env("10.0.0.1", "443"), _time));
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
        Assert.Equal("10.0.0.1", KubernetesConfigResolver.Resolve(options, Env("10.0.0.1", "443"), _time).Server.Host);
        var env = new Dictionary<string, string?> { ["KUBECONFIG"] = kubeconfig };
        Assert.Equal("laptop", KubernetesConfigResolver.Resolve(options, n => env.GetValueOrDefault(n), _time).Server.Host);
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
