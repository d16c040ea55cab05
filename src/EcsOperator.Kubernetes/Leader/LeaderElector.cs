using EcsOperator.Kubernetes.Model;
using EcsOperator.Kubernetes.Rest;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace EcsOperator.Kubernetes.Leader;

/// <summary>
/// Lease-based leader election like client-go's: acquire the lease when it is free or its holder has not renewed
/// for <see cref="LeaderElectionOptions.LeaseDuration"/> (measured on our own clock, from when we last saw the
/// record change, so clock skew between replicas does not matter); renew every RetryPeriod; if renewal has not
/// succeeded within RenewDeadline, stop leading at once (the leader token is cancelled). Since RenewDeadline &lt;
/// LeaseDuration, the old leader has stopped before anyone else may take over.
/// </summary>
public sealed class LeaderElector
{
    private readonly ILeaseLock _lock;
    private readonly LeaderElectionOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private LeaseSpec? _observedRecord;
    private string? _observedResourceVersion;
    private long _observedTime;
    private readonly Lock _stateLock = new();
    private volatile bool _isLeader;

    public LeaderElector(ILeaseLock leaseLock, LeaderElectionOptions options, TimeProvider? timeProvider = null, ILogger<LeaderElector>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(leaseLock);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _lock = leaseLock;
        _options = options;
        _time = timeProvider ?? TimeProvider.System;
        _logger = logger ?? (ILogger)NullLogger.Instance;
    }

    public string Identity => _options.Identity;

    /// <summary>True while this replica holds a lease it renewed within the deadline.</summary>
    public bool IsLeader => _isLeader;

    /// <summary>The holder identity last seen on the lease.</summary>
    public string? ObservedLeader => _observedRecord?.HolderIdentity;

    /// <summary>Raised when this replica starts (true) or stops (false) leading.</summary>
    public event Action<bool>? LeadershipChanged;

    /// <summary>
    /// Campaigns until elected, runs <paramref name="leaderWork"/> with a token that is cancelled the moment
    /// leadership is lost (or <paramref name="cancellationToken"/> fires), then releases the lease (if configured)
    /// and returns. Returns true if this replica was leader at some point.
    /// </summary>
    public async Task<bool> RunAsync(Func<CancellationToken, Task> leaderWork, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(leaderWork);
        if (!await AcquireAsync(cancellationToken))
        {
            return false;
        }

        using var leading = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        SetLeader(true);
        var work = Task.Run(() => leaderWork(leading.Token), CancellationToken.None);
        try
        {
            await RenewLoopAsync(work, leading);
        }
        finally
        {
            SetLeader(false);
            await leading.CancelAsync();
            try
            {
                await work;
            }
            catch (OperationCanceledException)
            {
            }
            catch (Exception e)
            {
                _logger.LogError(e, "Leader work of {Identity} failed", _options.Identity);
            }

            if (_options.ReleaseOnCancel)
            {
                await ReleaseAsync();
            }
        }

        return true;
    }

    private async Task<bool> AcquireAsync(CancellationToken cancellationToken)
    {
        _logger.LogInformation("{Identity} campaigning for lease {Lease}", _options.Identity, _lock.Description);
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                if (await TryAcquireOrRenewAsync(cancellationToken))
                {
                    _logger.LogInformation("{Identity} acquired lease {Lease}", _options.Identity, _lock.Description);
                    return true;
                }

                await Task.Delay(Jittered(_options.RetryPeriod), _time, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return false;
            }
        }

        return false;
    }

    private async Task RenewLoopAsync(Task work, CancellationTokenSource leadingSource)
    {
        var leading = leadingSource.Token;
        var lastRenew = _time.GetTimestamp();
        while (!leading.IsCancellationRequested && !work.IsCompleted)
        {
            try
            {
                await Task.WhenAny(work, Task.Delay(_options.RetryPeriod, _time, leading));
            }
            catch (OperationCanceledException)
            {
                return;
            }

            if (work.IsCompleted || leading.IsCancellationRequested)
            {
                return;
            }

            // Keep retrying until renewed or the deadline (counted from the last successful renewal) passes.
            var remaining = _options.RenewDeadline - _time.GetElapsedTime(lastRenew);
            using var deadline = new CancellationTokenSource(remaining > TimeSpan.Zero ? remaining : TimeSpan.Zero, _time);
            using var attempt = CancellationTokenSource.CreateLinkedTokenSource(leading, deadline.Token);
            // Step down the instant the deadline passes, even while a renew request is still hanging.
            await using var stepDown = deadline.Token.Register(() =>
            {
                SetLeader(false);
                leadingSource.Cancel();
            });
            var renewed = false;
            while (!attempt.IsCancellationRequested)
            {
                try
                {
                    if (await TryAcquireOrRenewAsync(attempt.Token))
                    {
                        renewed = true;
                        break;
                    }

                    await Task.Delay(_options.RetryPeriod, _time, attempt.Token);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }

            if (leading.IsCancellationRequested && _isLeader)
            {
                return; // shutting down
            }

            if (!renewed || !_isLeader)
            {
                _logger.LogWarning("{Identity} failed to renew lease {Lease} within {Deadline}; stepping down", _options.Identity, _lock.Description, _options.RenewDeadline);
                return;
            }

            lastRenew = _time.GetTimestamp();
        }
    }

    private async Task<bool> TryAcquireOrRenewAsync(CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        var duration = (int)Math.Ceiling(_options.LeaseDuration.TotalSeconds);
        try
        {
            var lease = await _lock.GetAsync(cancellationToken);
            if (lease is null)
            {
                var created = await _lock.CreateAsync(new LeaseSpec
                {
                    HolderIdentity = _options.Identity,
                    LeaseDurationSeconds = duration,
                    AcquireTime = now,
                    RenewTime = now,
                    LeaseTransitions = 0,
                }, cancellationToken);
                Observe(created);
                return true;
            }

            Observe(lease);
            var record = lease.Spec ?? new LeaseSpec();
            var holder = record.HolderIdentity;
            var heldByOther = !string.IsNullOrEmpty(holder) && holder != _options.Identity;
            if (heldByOther)
            {
                var leaseDuration = record.LeaseDurationSeconds is > 0 and var s ? TimeSpan.FromSeconds(s) : _options.LeaseDuration;
                if (_time.GetElapsedTime(_observedTime) < leaseDuration)
                {
                    return false;
                }
            }

            var iHoldIt = holder == _options.Identity && _isLeader;
            var spec = new LeaseSpec
            {
                HolderIdentity = _options.Identity,
                LeaseDurationSeconds = duration,
                AcquireTime = iHoldIt ? record.AcquireTime ?? now : now,
                RenewTime = now,
                LeaseTransitions = iHoldIt || holder == _options.Identity ? record.LeaseTransitions ?? 0 : (record.LeaseTransitions ?? 0) + 1,
            };
            var updated = await _lock.UpdateAsync(lease, spec, cancellationToken);
            Observe(updated);
            return true;
        }
        catch (KubernetesApiException e) when (e is ConflictException or AlreadyExistsException)
        {
            return false; // someone else wrote first
        }
        catch (Exception e) when (e is KubernetesApiException or HttpRequestException)
        {
            _logger.LogWarning(e, "{Identity}: lease {Lease} request failed", _options.Identity, _lock.Description);
            return false;
        }
    }

    private void Observe(Lease lease)
    {
        // The record's renewTime comes from another replica's clock; we only trust *our* time of seeing it change.
        if (_observedResourceVersion != lease.Metadata.ResourceVersion || _observedRecord != lease.Spec)
        {
            _observedRecord = lease.Spec;
            _observedResourceVersion = lease.Metadata.ResourceVersion;
            _observedTime = _time.GetTimestamp();
        }
    }

    private async Task ReleaseAsync()
    {
        try
        {
            using var cts = new CancellationTokenSource(_options.RenewDeadline, _time);
            var lease = await _lock.GetAsync(cts.Token);
            if (lease?.Spec?.HolderIdentity != _options.Identity)
            {
                return;
            }

            var now = _time.GetUtcNow();
            await _lock.UpdateAsync(lease, lease.Spec with { HolderIdentity = null, LeaseDurationSeconds = 1, RenewTime = now, AcquireTime = now }, cts.Token);
            _logger.LogInformation("{Identity} released lease {Lease}", _options.Identity, _lock.Description);
        }
        catch (Exception e) when (e is KubernetesApiException or HttpRequestException or OperationCanceledException)
        {
            _logger.LogWarning(e, "{Identity} could not release lease {Lease}", _options.Identity, _lock.Description);
        }
    }

    private void SetLeader(bool value)
    {
        lock (_stateLock)
        {
            if (_isLeader == value)
            {
                return;
            }

            _isLeader = value;
        }

        LeadershipChanged?.Invoke(value);
    }

    private static TimeSpan Jittered(TimeSpan period) => period * (1 + (0.2 * Random.Shared.NextDouble()));
}
