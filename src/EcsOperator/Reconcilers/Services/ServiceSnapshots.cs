using System.Collections.Concurrent;
using EcsOperator.Aws.Model.Ecs;
using EcsOperator.Core.Arns;

namespace EcsOperator.Reconcilers.Services;

/// <summary>
/// Service descriptions read by the resync sweep in batches of 10, each handed to exactly one reconcile of its
/// service while it is young: the steady-state resync of N services then costs ceil(N/10) DescribeServices per
/// cluster instead of N. A change the operator makes to a service drops its entry and refuses descriptions whose
/// read began before the change, so nothing acts on a description it outdated.
/// </summary>
/// <param name="time">The clock descriptions are aged by.</param>
/// <param name="keepFor">
/// How long a description can be taken (at least any <c>maxAge</c> passed to <see cref="Take"/>): older ones are
/// dropped at the next sweep (at most one per <paramref name="keepFor"/>). Before, a description nobody took (a
/// companion whose reconcile described for itself, a service deleted meanwhile) stayed, with its deployments and
/// service events, until the next description of its service replaced it: at N = 5,000 several hundred of them.
/// </param>
public sealed class ServiceSnapshots(TimeProvider time, TimeSpan keepFor)
{
    private readonly ConcurrentDictionary<(string Cluster, string Service), (Service Service, DateTimeOffset ReadAt)> _entries = new();
    private readonly ConcurrentDictionary<(string Cluster, string Service), long> _changedAt = new();
    private readonly Lock _sweepLock = new();
    private long _sequence;
    private long _sweptAtTicks = time.GetUtcNow().UtcTicks;

    /// <summary>Call before describing: the mark that <see cref="Put"/> checks against later changes.</summary>
    public long BeginRead() => Interlocked.Increment(ref _sequence);

    /// <summary>Remembers <paramref name="service"/>, described after <paramref name="readMark"/>, unless the operator changed it since.</summary>
    public void Put(Service service, long readMark)
    {
        ArgumentNullException.ThrowIfNull(service);
        if (service.ClusterArn is null || service.ServiceName is null)
            return;
        var now = time.GetUtcNow();
        Sweep(now);
        var key = (EcsNames.ClusterName(service.ClusterArn), service.ServiceName);
        if (_changedAt.TryGetValue(key, out var changed) && changed > readMark)
            return;
        _entries[key] = (service, now);
    }

    /// <summary>Takes the description of the service if it is younger than <paramref name="maxAge"/>; it is not handed out twice.</summary>
    public Service? Take(string cluster, string service, TimeSpan maxAge)
    {
        var now = time.GetUtcNow();
        Sweep(now);
        if (!_entries.TryRemove((EcsNames.ClusterName(cluster), service), out var entry))
            return null;
        return now - entry.ReadAt <= maxAge ? entry.Service : null;
    }

    /// <summary>Drops what is known about the service: the operator is changing it (call before and after the change).</summary>
    public void Invalidate(string cluster, string service)
    {
        var key = (EcsNames.ClusterName(cluster), service);
        _changedAt[key] = Interlocked.Increment(ref _sequence);
        _entries.TryRemove(key, out _);
    }

    /// <summary>How many descriptions are held (for tests and diagnostics).</summary>
    public int Count => _entries.Count;

    private void Sweep(DateTimeOffset now)
    {
        if (now.UtcTicks - Interlocked.Read(ref _sweptAtTicks) < keepFor.Ticks || !_sweepLock.TryEnter())
            return;
        try
        {
            if (now.UtcTicks - Interlocked.Read(ref _sweptAtTicks) < keepFor.Ticks)
                return;
            foreach (var entry in _entries)
            {
                if (now - entry.Value.ReadAt > keepFor)
                    _entries.TryRemove(entry);
            }

            Interlocked.Exchange(ref _sweptAtTicks, now.UtcTicks);
        }
        finally
        {
            _sweepLock.Exit();
        }
    }
}
