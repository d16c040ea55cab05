using System.Collections.Concurrent;
using EcsOperator.Aws.Model.Ecs;
using EcsOperator.Core.Arns;

namespace EcsOperator.Reconcilers.Services;

/// <summary>
/// Service descriptions read by the resync sweep in batches of 10, each handed to exactly one reconcile of its
/// service while it is young: the steady-state resync of N services then costs ceil(N/10) DescribeServices per
/// cluster instead of N. A mutation of the service drops its entry, so nothing acts on a description it outdated.
/// </summary>
public sealed class ServiceSnapshots(TimeProvider time)
{
    private readonly ConcurrentDictionary<(string Cluster, string Service), (Service Service, DateTimeOffset ReadAt)> _entries = new();

    /// <summary>Remembers <paramref name="service"/> as described now.</summary>
    public void Put(Service service)
    {
        ArgumentNullException.ThrowIfNull(service);
        if (service.ClusterArn is null || service.ServiceName is null)
            return;
        _entries[(EcsNames.ClusterName(service.ClusterArn), service.ServiceName)] = (service, time.GetUtcNow());
    }

    /// <summary>Takes the description of the service if it is younger than <paramref name="maxAge"/>; it is not handed out twice.</summary>
    public Service? Take(string cluster, string service, TimeSpan maxAge)
    {
        if (!_entries.TryRemove((EcsNames.ClusterName(cluster), service), out var entry))
            return null;
        return time.GetUtcNow() - entry.ReadAt <= maxAge ? entry.Service : null;
    }

    /// <summary>Drops what is known about the service (after a change to it).</summary>
    public void Invalidate(string cluster, string service) => _entries.TryRemove((EcsNames.ClusterName(cluster), service), out _);

    /// <summary>How many descriptions are held (for tests and diagnostics).</summary>
    public int Count => _entries.Count;
}
