using Amazon.Runtime;

namespace EcsOperator.Aws.Credentials;

/// <summary>
/// The credentials of one namespace's role session, cached until <c>refreshBefore</c> ahead of expiry. Renewal is
/// single-flight: one AssumeRole per namespace per period however many calls run at once. While one caller renews,
/// the others keep using the current session if it is still valid for more than a minute, so a slow or failing STS
/// never stalls calls that still have good credentials.
/// </summary>
public sealed class AssumedRoleCredentials : AWSCredentials, IDisposable
{
    private static readonly TimeSpan MinimumValidity = TimeSpan.FromMinutes(1);

    private readonly Func<CancellationToken, Task<AssumedRoleSession>> _assume;
    private readonly TimeSpan _refreshBefore;
    private readonly TimeProvider _timeProvider;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private AssumedRoleSession? _current;

    public AssumedRoleCredentials(Func<CancellationToken, Task<AssumedRoleSession>> assume, TimeSpan refreshBefore, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(assume);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _assume = assume;
        _refreshBefore = refreshBefore;
        _timeProvider = timeProvider;
    }

    /// <summary>When the cached session expires (null before the first AssumeRole).</summary>
    public DateTimeOffset? SessionExpiration => Volatile.Read(ref _current)?.Expiration;

    public override ImmutableCredentials GetCredentials() => GetCredentialsAsync().GetAwaiter().GetResult();

    public override async Task<ImmutableCredentials> GetCredentialsAsync()
    {
        var current = Volatile.Read(ref _current);
        if (IsFresh(current))
        {
            return current!.Credentials;
        }

        // Someone is renewing: a still-valid session serves this call instead of queueing behind STS.
        if (!_gate.Wait(0))
        {
            if (IsUsable(current))
            {
                return current!.Credentials;
            }

            await _gate.WaitAsync().ConfigureAwait(false);
        }

        try
        {
            current = Volatile.Read(ref _current);
            if (IsFresh(current))
            {
                return current!.Credentials;
            }

            try
            {
                var renewed = await _assume(CancellationToken.None).ConfigureAwait(false);
                Volatile.Write(ref _current, renewed);
                return renewed.Credentials;
            }
            catch (Exception) when (IsUsable(current))
            {
                // STS failed ahead of expiry: keep the current session; the next call tries again.
                return current!.Credentials;
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    private bool IsFresh(AssumedRoleSession? session) =>
        session is not null && _timeProvider.GetUtcNow() < session.Expiration - _refreshBefore;

    private bool IsUsable(AssumedRoleSession? session) =>
        session is not null && _timeProvider.GetUtcNow() < session.Expiration - MinimumValidity;
}
