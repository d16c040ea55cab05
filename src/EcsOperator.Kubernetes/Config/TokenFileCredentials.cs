using System.Security.Cryptography.X509Certificates;

namespace EcsOperator.Kubernetes.Config;

/// <summary>
/// A bearer token read from a file that the kubelet rotates (projected service-account token) — re-read every
/// <c>refreshInterval</c> (client-go: 1 minute) and after a 401.
/// </summary>
public sealed class TokenFileCredentials : KubernetesCredentials
{
    private readonly string _path;
    private readonly TimeSpan _refreshInterval;
    private readonly TimeProvider _time;
    private readonly X509Certificate2? _clientCertificate;
    private readonly Lock _lock = new();
    private string? _token;
    private DateTimeOffset _readAt;

    public TokenFileCredentials(string path, TimeSpan? refreshInterval = null, TimeProvider? timeProvider = null, X509Certificate2? clientCertificate = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        _path = path;
        _refreshInterval = refreshInterval ?? TimeSpan.FromMinutes(1);
        _time = timeProvider ?? TimeProvider.System;
        _clientCertificate = clientCertificate;
        _token = ReadToken();
        _readAt = _time.GetUtcNow();
    }

    public override bool CanRefresh => true;

    public override X509Certificate2? ClientCertificate => _clientCertificate;

    public override ValueTask<string?> GetTokenAsync(CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            var now = _time.GetUtcNow();
            if (_token is null || now - _readAt >= _refreshInterval)
            {
                try
                {
                    _token = ReadToken();
                }
                catch (KubernetesConfigException) when (_token is not null)
                {
                    // Mid-rotation the file can briefly be missing; keep using the last good token.
                }

                _readAt = now;
            }

            return ValueTask.FromResult<string?>(_token);
        }
    }

    public override void Invalidate()
    {
        lock (_lock)
        {
            _token = null;
        }
    }

    private string ReadToken()
    {
        string text;
        try
        {
            text = File.ReadAllText(_path).Trim();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new KubernetesConfigException(_path, null, $"cannot read the bearer token file: {e.Message}", e);
        }

        return text.Length == 0 ? throw new KubernetesConfigException(_path, null, "the bearer token file is empty") : text;
    }
}
