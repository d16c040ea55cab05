using System.Diagnostics;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;

namespace EcsOperator.Kubernetes.Config;

/// <summary>
/// Credentials from an exec plugin: runs the command, caches its token / client certificate until
/// <c>expirationTimestamp</c> (forever when absent), and runs it again after a 401.
/// </summary>
public sealed class ExecCredentials : KubernetesCredentials, IDisposable
{
    private readonly ExecConfig _config;
    private readonly TimeProvider _time;
    private readonly TimeSpan _timeout;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile Cached? _cached;

    public ExecCredentials(ExecConfig config, TimeProvider? timeProvider = null, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        if (!ExecConfig.SupportedApiVersions.Contains(config.ApiVersion))
        {
            throw new KubernetesConfigException(config.SourceFile, $"{config.Field}.apiVersion",
                $"unsupported exec plugin apiVersion '{config.ApiVersion}'; supported: {string.Join(", ", ExecConfig.SupportedApiVersions)}");
        }

        _config = config;
        _time = timeProvider ?? TimeProvider.System;
        _timeout = timeout ?? TimeSpan.FromMinutes(1);
    }

    public override bool CanRefresh => true;

    public override X509Certificate2? ClientCertificate => _cached?.Certificate;

    public override async ValueTask<string?> GetTokenAsync(CancellationToken cancellationToken)
    {
        var cached = _cached;
        if (cached is not null && !cached.IsExpired(_time.GetUtcNow()))
        {
            return cached.Token;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            cached = _cached;
            if (cached is null || cached.IsExpired(_time.GetUtcNow()))
            {
                cached = await RunPluginAsync(cancellationToken);
                _cached = cached;
            }

            return cached.Token;
        }
        finally
        {
            _gate.Release();
        }
    }

    public override void Invalidate() => _cached = null;

    public void Dispose() => _gate.Dispose();

    private async Task<Cached> RunPluginAsync(CancellationToken cancellationToken)
    {
        var psi = new ProcessStartInfo
        {
            FileName = ResolveCommand(),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var arg in _config.Args)
        {
            psi.ArgumentList.Add(arg);
        }

        foreach (var (name, value) in _config.Env)
        {
            psi.Environment[name] = value;
        }

        psi.Environment["KUBERNETES_EXEC_INFO"] = JsonSerializer.Serialize(
            new ExecCredential { ApiVersion = _config.ApiVersion, Kind = "ExecCredential", Spec = new ExecCredentialSpec { Interactive = false } },
            ConfigJsonContext.Default.ExecCredential);

        Process process;
        try
        {
            process = Process.Start(psi) ?? throw new InvalidOperationException("Process.Start returned null");
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            throw new KubernetesConfigException(_config.SourceFile, $"{_config.Field}.command",
                $"cannot run exec plugin '{_config.Command}': {e.Message}" + (_config.InstallHint is null ? string.Empty : $". {_config.InstallHint}"), e);
        }

        using (process)
        {
            process.StandardInput.Close();
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(_timeout);
            var stdoutTask = process.StandardOutput.ReadToEndAsync(timeout.Token);
            var stderrTask = process.StandardError.ReadToEndAsync(timeout.Token);
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                cancellationToken.ThrowIfCancellationRequested();
                throw new KubernetesConfigException(_config.SourceFile, $"{_config.Field}.command",
                    $"exec plugin '{_config.Command}' did not finish within {_timeout.TotalSeconds:0} s");
            }

            var stdout = await stdoutTask;
            var stderr = await stderrTask;
            if (process.ExitCode != 0)
            {
                throw new KubernetesConfigException(_config.SourceFile, $"{_config.Field}.command",
                    $"exec plugin '{_config.Command}' exited with code {process.ExitCode}: {stderr.Trim()}");
            }

            return Parse(stdout);
        }
    }

    private Cached Parse(string stdout)
    {
        ExecCredential? credential;
        try
        {
            credential = JsonSerializer.Deserialize(stdout, ConfigJsonContext.Default.ExecCredential);
        }
        catch (JsonException e)
        {
            throw new KubernetesConfigException(_config.SourceFile, $"{_config.Field}.command",
                $"exec plugin '{_config.Command}' printed invalid ExecCredential JSON: {e.Message}", e);
        }

        if (credential is null || credential.Kind != "ExecCredential")
        {
            throw Bad("its output is not an ExecCredential (kind must be 'ExecCredential')");
        }

        if (credential.ApiVersion != _config.ApiVersion)
        {
            throw Bad($"it returned apiVersion '{credential.ApiVersion}' but the kubeconfig asks for '{_config.ApiVersion}'");
        }

        var status = credential.Status ?? throw Bad("its ExecCredential has no status");
        X509Certificate2? certificate = null;
        if (status.ClientCertificateData is not null || status.ClientKeyData is not null)
        {
            if (status.ClientCertificateData is null || status.ClientKeyData is null)
            {
                throw Bad("status.clientCertificateData and status.clientKeyData must be given together");
            }

            certificate = CertificateLoader.LoadClientCertificate(status.ClientCertificateData, status.ClientKeyData, _config.SourceFile,
                $"{_config.Field} (status.clientCertificateData)");
        }

        if (string.IsNullOrEmpty(status.Token) && certificate is null)
        {
            throw Bad("its ExecCredential status has neither token nor clientCertificateData");
        }

        return new Cached(string.IsNullOrEmpty(status.Token) ? null : status.Token, certificate, status.ExpirationTimestamp);
    }

    private KubernetesConfigException Bad(string problem) =>
        new(_config.SourceFile, $"{_config.Field}.command", $"exec plugin '{_config.Command}': {problem}");

    private string ResolveCommand()
    {
        // kubectl: a relative path with a separator is relative to the kubeconfig's directory; a bare name uses PATH.
        var command = _config.Command;
        if (!Path.IsPathRooted(command) && command.Contains('/', StringComparison.Ordinal) && _config.SourceFile is not null)
        {
            return Path.GetFullPath(Path.Combine(Path.GetDirectoryName(Path.GetFullPath(_config.SourceFile)) ?? ".", command));
        }

        return command;
    }

    private sealed record Cached(string? Token, X509Certificate2? Certificate, DateTimeOffset? Expiry)
    {
        public bool IsExpired(DateTimeOffset now) => Expiry is { } e && now >= e;
    }
}
