using EcsOperator.Kubernetes.Config;
using EcsOperator.Kubernetes.Tests.Support;
using Xunit;

namespace EcsOperator.Kubernetes.Tests.Config;

public sealed class ExecCredentialsTests : IDisposable
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;
    private readonly TempDir _dir = new();
    private readonly ManualTimeProvider _time = new(new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero));

    public void Dispose() => _dir.Dispose();

    [Theory]
    [InlineData("client.authentication.k8s.io/v1")]
    [InlineData("client.authentication.k8s.io/v1beta1")]
    public async Task Plugin_runs_once_and_its_token_is_cached_until_expiry(string apiVersion)
    {
        var config = KubeConfig(apiVersion, expiry: "2030-01-01T00:10:00Z");
        var credentials = KubeConfigLoader.Load([config], timeProvider: _time).Credentials;
        Assert.Equal("tok-eu-west-1-1", await credentials.GetTokenAsync(Ct));
        Assert.Equal("tok-eu-west-1-1", await credentials.GetTokenAsync(Ct));
        _time.Advance(TimeSpan.FromMinutes(9));
        Assert.Equal("tok-eu-west-1-1", await credentials.GetTokenAsync(Ct));
        Assert.Equal(1, Invocations);

        _time.Advance(TimeSpan.FromMinutes(1)); // expired now
        Assert.Equal("tok-eu-west-1-2", await credentials.GetTokenAsync(Ct));
        Assert.Equal(2, Invocations);
    }

    [Fact]
    public async Task Without_expiry_the_token_is_kept_until_the_server_rejects_it()
    {
        var credentials = KubeConfigLoader.Load([KubeConfig("client.authentication.k8s.io/v1", expiry: null)], timeProvider: _time).Credentials;
        await credentials.GetTokenAsync(Ct);
        _time.Advance(TimeSpan.FromDays(3));
        Assert.Equal("tok-eu-west-1-1", await credentials.GetTokenAsync(Ct));
        Assert.True(credentials.CanRefresh);
        credentials.Invalidate(); // what the client does on 401
        Assert.Equal("tok-eu-west-1-2", await credentials.GetTokenAsync(Ct));
    }

    [Fact]
    public async Task Concurrent_callers_share_one_plugin_run()
    {
        var credentials = KubeConfigLoader.Load([KubeConfig("client.authentication.k8s.io/v1", expiry: null)], timeProvider: _time).Credentials;
        var tokens = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => credentials.GetTokenAsync(Ct).AsTask()));
        Assert.All(tokens, t => Assert.Equal("tok-eu-west-1-1", t));
        Assert.Equal(1, Invocations);
    }

    [Fact]
    public async Task Plugin_can_return_a_client_certificate()
    {
        using var certs = new TestCertificates();
        var cert = certs.EcClientCertPem.ReplaceLineEndings("\\n");
        var key = certs.EcKeySec1Pem.ReplaceLineEndings("\\n");
        var script = _dir.Write("cert-plugin.sh", $$$"""
            #!/bin/sh
            printf '%s' '{"apiVersion":"client.authentication.k8s.io/v1","kind":"ExecCredential","status":{"clientCertificateData":"{{{cert}}}","clientKeyData":"{{{key}}}"}}'
            """);
        MakeExecutable(script);
        var credentials = new ExecCredentials(new ExecConfig { ApiVersion = "client.authentication.k8s.io/v1", Command = script }, _time);
        Assert.Null(await credentials.GetTokenAsync(Ct));
        Assert.NotNull(credentials.ClientCertificate);
        Assert.True(credentials.ClientCertificate.HasPrivateKey);
    }

    [Theory]
    [InlineData("exit 7", "exited with code 7: boom")]
    [InlineData("echo 'not json'", "invalid ExecCredential JSON")]
    [InlineData("echo '{\"apiVersion\":\"client.authentication.k8s.io/v1beta1\",\"kind\":\"ExecCredential\",\"status\":{\"token\":\"x\"}}'", "returned apiVersion 'client.authentication.k8s.io/v1beta1'")]
    [InlineData("echo '{\"apiVersion\":\"client.authentication.k8s.io/v1\",\"kind\":\"ExecCredential\",\"status\":{}}'", "neither token nor clientCertificateData")]
    public async Task Plugin_failures_are_reported_clearly(string body, string message)
    {
        var script = _dir.Write("bad.sh", $"#!/bin/sh\necho boom >&2\n{body}\n");
        MakeExecutable(script);
        var credentials = new ExecCredentials(new ExecConfig
        {
            ApiVersion = "client.authentication.k8s.io/v1",
            Command = script,
            SourceFile = "/home/me/.kube/config",
            Field = "users[me].user.exec",
        }, _time);
        var ex = await Assert.ThrowsAsync<KubernetesConfigException>(() => credentials.GetTokenAsync(Ct).AsTask());
        Assert.Contains(message, ex.Message, StringComparison.Ordinal);
        Assert.Equal("users[me].user.exec.command", ex.Field);
        Assert.Equal("/home/me/.kube/config", ex.File);
    }

    [Fact]
    public async Task Missing_command_mentions_the_install_hint()
    {
        var credentials = new ExecCredentials(new ExecConfig
        {
            ApiVersion = "client.authentication.k8s.io/v1",
            Command = "/nonexistent/aws-iam-authenticator",
            InstallHint = "Install the AWS CLI.",
        }, _time);
        var ex = await Assert.ThrowsAsync<KubernetesConfigException>(() => credentials.GetTokenAsync(Ct).AsTask());
        Assert.Contains("Install the AWS CLI.", ex.Message, StringComparison.Ordinal);
    }

    private int Invocations => int.Parse(File.ReadAllText(Path.Combine(_dir.Path, "count")).Trim(), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A plugin that counts its runs, echoes an arg and an env var into the token, and checks KUBERNETES_EXEC_INFO.</summary>
    private string KubeConfig(string apiVersion, string? expiry)
    {
        var expiryJson = expiry is null ? string.Empty : $",\\\"expirationTimestamp\\\":\\\"{expiry}\\\"";
        var script = _dir.Write("bin/plugin.sh", $$$"""
            #!/bin/sh
            case "$KUBERNETES_EXEC_INFO" in *'"kind":"ExecCredential"'*) ;; *) echo "no exec info" >&2; exit 3;; esac
            n=$(cat "$COUNT_FILE" 2>/dev/null || echo 0)
            n=$((n+1))
            echo $n > "$COUNT_FILE"
            echo "{\"apiVersion\":\"{{{apiVersion}}}\",\"kind\":\"ExecCredential\",\"status\":{\"token\":\"tok-$1-$REGION_SUFFIX$n\"{{{expiryJson}}}}}"
            """);
        MakeExecutable(script);
        return _dir.Write("config", $$"""
            current-context: ctx
            clusters:
            - name: c
              cluster: {server: "https://127.0.0.1:6443"}
            users:
            - name: u
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
            contexts:
            - name: ctx
              context: {cluster: c, user: u}
            """);
    }

    private static void MakeExecutable(string path)
    {
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }
}
