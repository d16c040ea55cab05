using System.Collections.Concurrent;
using EcsOperator.Aws.Model.Ecs;
using EcsOperator.Core.Arns;

namespace EcsOperator.Reconcilers.Services;

/// <summary>
/// Service descriptions read by the resync sweep in batches of 10, each handed to exactly one reconcile of its
/// service while it is young: the steady-state resync of N services then costs ceil(N/10) DescribeServices per
/// cluster instead of N. A change the operator makes to a service drops its entry and refuses descriptions whose
/// read began before the change, so nothing acts on a description it outdated. Read and change marks are times (ticks,
/// kept strictly increasing), so a change older than <paramref name="keepFor"/> can be forgotten: a read that began
/// before it is older than that too, and is refused for its age alone.
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
    private long _lastMark;
    private long _sweptAtTicks = time.GetUtcNow().UtcTicks;

    /// <summary>Call before describing: the mark that <see cref="Put"/> checks against later changes.</summary>
    public long BeginRead() => NextMark();

    /// <summary>Remembers <paramref name="service"/>, described after <paramref name="readMark"/>, unless the operator changed it since.</summary>
    public void Put(Service service, long readMark)
    {
        ArgumentNullException.ThrowIfNull(service);
        if (service.ClusterArn is null || service.ServiceName is null)
            return;
        var now = time.GetUtcNow();
        Sweep(now);
        // Too old to be taken anyway; and a change it might predate may already be forgotten.
        if (now.UtcTicks - readMark > keepFor.Ticks)
            return;
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
        _changedAt[key] = NextMark();
        _entries.TryRemove(key, out _);
    }

    /// <summary>How many descriptions are held (for tests and diagnostics).</summary>
    public int Count => _entries.Count;

    /// <summary>How many changes are remembered (for tests and diagnostics): those of the last <c>keepFor</c>.</summary>
    public int ChangeCount => _changedAt.Count;

    /// <summary>Now in ticks, or one past the last mark when the clock has not moved on (or went back).</summary>
    private long NextMark()
    {
        var now = time.GetUtcNow().UtcTicks;
        while (true)
        {
            var last = Interlocked.Read(ref _lastMark);
            var next = Math.Max(now, last + 1);
            if (Interlocked.CompareExchange(ref _lastMark, next, last) == last)
                return next;
        }
    }

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

            // Without this, one mark per service the operator ever changed stayed for the life of the process.
            foreach (var change in _changedAt)
            {
                if (now.UtcTicks - change.Value > keepFor.Ticks)
                    _changedAt.TryRemove(change);
            }

            Interlocked.Exchange(ref _sweptAtTicks, now.UtcTicks);
        }
        finally
        {
            _sweepLock.Exit();
        }
    }
}
