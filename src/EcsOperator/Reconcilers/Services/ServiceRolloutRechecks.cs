using System.Collections.Concurrent;
using EcsOperator.Core.Arns;
using EcsOperator.Kubernetes.Rest;

namespace EcsOperator.Reconcilers.Services;

/// <summary>
/// The EcsServices whose reconcile asked to look again soon (a rollout in progress, RolloutRecheckInterval), by
/// namespace and ECS cluster: a reconcile that has to describe its service describes up to 9 of these with it, due
/// soonest first, and leaves their descriptions in <see cref="ServiceSnapshots"/>, so that N services rolling out at
/// once cost about N/10 DescribeServices per recheck round instead of N (the raw script's cost), as the resync sweep
/// does for Ready ones.
/// </summary>
public sealed class ServiceRolloutRechecks(TimeProvider time)
{
    /// <summary>An entry overdue by this much belongs to a reconcile that moved on without asking again: dropped.</summary>
    private static readonly TimeSpan Forgotten = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<ObjectKey, Recheck> _due = new();

    /// <summary>The service of <paramref name="key"/> is to be looked at again at <paramref name="due"/>.</summary>
    public void Expect(ObjectKey key, string @namespace, string cluster, string service, DateTimeOffset due) =>
        _due[key] = new Recheck(@namespace, EcsNames.ClusterName(cluster), service, due);

    /// <summary>The object is being reconciled (or is gone): it is no longer waiting for a look.</summary>
    public void Forget(ObjectKey key) => _due.TryRemove(key, out _);

    /// <summary>
    /// Up to <paramref name="max"/> other services of the namespace and cluster due by <paramref name="within"/> from
    /// now (or overdue: their reconcile is still queued), soonest first.
    /// </summary>
    public IReadOnlyList<string> Companions(ObjectKey self, string @namespace, string cluster, string service, TimeSpan within, int max)
    {
        var now = time.GetUtcNow();
        var clusterName = EcsNames.ClusterName(cluster);
        // The max soonest, kept in a heap whose top is the latest of them: one pass, no sort of every candidate (in a
        // burst most of the N services are due or overdue at once, and every describe asks).
        var soonest = new PriorityQueue<Recheck, DateTimeOffset>(Comparer<DateTimeOffset>.Create((a, b) => b.CompareTo(a)));
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (key, recheck) in _due)
        {
            if (recheck.Due < now - Forgotten)
            {
                _due.TryRemove(KeyValuePair.Create(key, recheck));
                continue;
            }

            if (key.Equals(self) || recheck.Namespace != @namespace || recheck.Cluster != clusterName || recheck.Service == service || recheck.Due > now + within)
                continue;
            if (soonest.Count < max)
            {
                if (names.Add(recheck.Service))
                    soonest.Enqueue(recheck, recheck.Due);
            }
            else if (soonest.TryPeek(out var latest, out var latestDue) && recheck.Due < latestDue && !names.Contains(recheck.Service))
            {
                names.Remove(latest.Service);
                soonest.DequeueEnqueue(recheck, recheck.Due);
                names.Add(recheck.Service);
            }
        }

        return [.. soonest.UnorderedItems.OrderBy(e => e.Priority).Select(e => e.Element.Service)];
    }

    /// <summary>How many services wait for a recheck (for tests and diagnostics).</summary>
    public int Count => _due.Count;

    private sealed record Recheck(string Namespace, string Cluster, string Service, DateTimeOffset Due);
}
