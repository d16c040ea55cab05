using EcsOperator.Kubernetes.Config;
using EcsOperator.Kubernetes.Rest;
using EcsOperator.Kubernetes.Tests.Support;
using Xunit;

namespace EcsOperator.Kubernetes.Tests.Config;

/// <summary>Exec credential plugins (e.g. <c>aws eks get-token</c>) as the API server sees them.</summary>
public sealed class ExecPluginTests : IAsyncLifetime
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
    [InlineData("client.authentication.k8s.io/v1")]
    [InlineData("client.authentication.k8s.io/v1beta1")]
    public async Task The_plugins_token_is_sent_and_kept_while_it_has_no_expiry(string apiVersion)
    {
        using var client = new KubernetesClient(KubernetesConfigResolver.FromKubeConfig([KubeConfig(apiVersion, expiry: null)]));
        var first = (await WhoAmIServer.WhoAmIAsync(client))[1];
        var runs = Invocations;
        Assert.StartsWith("token-tok-eu-west-1-", first, StringComparison.Ordinal);
        Assert.Equal(first, (await WhoAmIServer.WhoAmIAsync(client))[1]);
        Assert.Equal(runs, Invocations);
    }

    [Fact]
    public async Task An_expired_token_runs_the_plugin_again_before_the_next_request()
    {
        using var client = new KubernetesClient(KubernetesConfigResolver.FromKubeConfig(
            [KubeConfig("client.authentication.k8s.io/v1", expiry: "2000-01-01T00:00:00Z")]));
        var first = (await WhoAmIServer.WhoAmIAsync(client))[1];
        var second = (await WhoAmIServer.WhoAmIAsync(client))[1];
        Assert.StartsWith("token-tok-eu-west-1-", first, StringComparison.Ordinal);
        Assert.NotEqual(first, second);
    }

    [Fact]
    public async Task A_plugin_can_return_a_client_certificate()
    {
        var cert = _certs.EcClientCertPem.ReplaceLineEndings("\\n");
        var key = _certs.EcKeySec1Pem.ReplaceLineEndings("\\n");
        var script = Executable("cert-plugin.sh", $$$"""
            #!/bin/sh
            printf '%s' '{"apiVersion":"client.authentication.k8s.io/v1","kind":"ExecCredential","status":{"clientCertificateData":"{{{cert}}}","clientKeyData":"{{{key}}}"}}'
            """);
        using var client = new KubernetesClient(KubernetesConfigResolver.FromKubeConfig([Write($$"""
              user:
                exec: {apiVersion: client.authentication.k8s.io/v1, command: {{script}}}
            """)]));
        Assert.Equal(["ec-user", "token-"], await WhoAmIServer.WhoAmIAsync(client));
    }

    [Theory]
    [InlineData("exit 7")]
    [InlineData("echo 'not json'")]
    [InlineData("echo '{\"apiVersion\":\"client.authentication.k8s.io/v1beta1\",\"kind\":\"ExecCredential\",\"status\":{\"token\":\"x\"}}'")]
    [InlineData("echo '{\"apiVersion\":\"client.authentication.k8s.io/v1\",\"kind\":\"ExecCredential\",\"status\":{}}'")]
    public void A_failing_plugin_is_a_configuration_error_naming_the_kubeconfig(string body)
    {
        var script = Executable("bad.sh", $"#!/bin/sh\necho boom >&2\n{body}\n");
        var file = Write($$"""
              user:
                exec: {apiVersion: client.authentication.k8s.io/v1, command: {{script}}}
            """);
        var ex = Assert.Throws<KubernetesConfigException>(() => KubernetesConfigResolver.FromKubeConfig([file]));
        Assert.StartsWith(file, ex.Message, StringComparison.Ordinal);
        Assert.Contains("external exec failed", ex.Message, StringComparison.Ordinal);
    }

    private int Invocations => int.Parse(File.ReadAllText(Path.Combine(_dir.Path, "count")).Trim(), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// A plugin at a path relative to the kubeconfig that counts its runs, echoes an arg into the token, and checks
    /// that KUBERNETES_EXEC_INFO and the kubeconfig's env reach it.
    /// </summary>
    private string KubeConfig(string apiVersion, string? expiry)
    {
        var expiryJson = expiry is null ? string.Empty : $",\\\"expirationTimestamp\\\":\\\"{expiry}\\\"";
        Executable("bin/plugin.sh", $$$"""
            #!/bin/sh
            case "$KUBERNETES_EXEC_INFO" in *'"apiVersion"'*) ;; *) echo "no exec info" >&2; exit 3;; esac
            n=$(cat "$COUNT_FILE" 2>/dev/null || echo 0)
            n=$((n+1))
            echo $n > "$COUNT_FILE"
            echo "{\"apiVersion\":\"{{{apiVersion}}}\",\"kind\":\"ExecCredential\",\"status\":{\"token\":\"tok-$1-$REGION_SUFFIX$n\"{{{expiryJson}}}}}"
            """);
        return Write($$"""
              user:
                exec:
                  apiVersion: {{apiVersion}}
                  command: ./bin/plugin.sh
                  args: [eu-west-1]
                  env:
                  - name: COUNT_FILE
                    value: {{Path.Combine(_dir.Path, "count")}}
                  - name: REGION_SUFFIX
                    value: ""
            """);
    }

    private string Write(string user) => _dir.Write($"config-{Guid.NewGuid():N}", $$"""
        current-context: ctx
        clusters:
        - name: c
          cluster: {server: '{{_server.Address}}', certificate-authority-data: {{TestCertificates.B64(_certs.CaPem)}}}
        users:
        - name: u
        {{user}}
        contexts:
        - name: ctx
          context: {cluster: c, user: u}
        """);

    private string Executable(string name, string content)
    {
        var path = _dir.Write(name, content);
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return path;
    }
}
