using System.Collections.Concurrent;
using System.Net;
using EcsOperator.KubeApiServer;

namespace EcsOperator.EndToEnd.Tests;

/// <summary>
/// What <see cref="WakeUpStressTests"/> does to event ordering while objects are applied: the latency of every AWS call
/// moves (0-30 ms) and every 10-50 ms one of: up to 60 ms on one operation, throttling or a 503 on one, a 409 Conflict
/// on a status write, a delay on writes; and, in turn, at most one every 0.75 s: a watch ended by the server (its
/// timeoutSeconds: the informer resumes from its resourceVersion), ended after a compaction (410 Gone: a relist),
/// dropped and re-opened late (the gap replayed from history), a failed list or watch.
/// </summary>
internal sealed class WakeUpPerturbations(OperatorEnvironment env, Random random)
{
    private static readonly string[] AwsOperations =
    [
        "RegisterTaskDefinition", "CreateService", "DescribeServices", "UpdateService", "ListTaskDefinitions",
        "ListTaskDefinitionFamilies", "DescribeTaskDefinition",
    ];

    private static readonly TimeSpan WatchGap = TimeSpan.FromSeconds(0.75);
    private static readonly int[] WatchPerturbations = [4, 6, 5, 9];

    private readonly ConcurrentDictionary<string, int> _counts = new(StringComparer.Ordinal);
    private readonly System.Diagnostics.Stopwatch _sinceWatchPerturbation = System.Diagnostics.Stopwatch.StartNew();
    private int _watchTurn;

    /// <summary>How many times each perturbation was applied, for the report.</summary>
    public string Summary => string.Join(", ", _counts.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $"{c.Key} {c.Value}"));

    /// <summary>Perturbs until <paramref name="stop"/>, then clears every fault and latency.</summary>
    public async Task RunAsync(CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(random.Next(10, 50), stop);
            }
            catch (OperationCanceledException)
            {
                break;
            }

            // Every call's latency moves all the time; the rest is one perturbation per step.
            env.Ecs.Faults.SetLatency("*", TimeSpan.FromMilliseconds(random.Next(0, 30)));
            var what = random.Next(11);
            if (what is 4 or 5 or 6 or 9)
            {
                // At most one watch perturbation per WatchGap: a server that ends every watch within a second, before
                // it delivered anything, is one refusing watches, and the informer rightly backs off (up to 30 s).
                if (_sinceWatchPerturbation.Elapsed < WatchGap)
                {
                    what = random.Next(4);
                }
                else
                {
                    // In turn, so that even a short run closes, drops, expires and fails a watch.
                    what = WatchPerturbations[_watchTurn++ % WatchPerturbations.Length];
                    _sinceWatchPerturbation.Restart();
                }
            }

            Perturb(what);
        }

        env.Kube.ClearFaults();
        env.Ecs.Faults.Clear();
    }

    private void Perturb(int what)
    {
        var op = AwsOperations[random.Next(AwsOperations.Length)];
        switch (what)
        {
            case 0 or 1:
                env.Ecs.Faults.SetLatency(op, TimeSpan.FromMilliseconds(random.Next(0, 60)));
                Count("aws latency");
                break;
            case 2:
                env.Ecs.Faults.ThrottleNext(op, random.Next(1, 4));
                Count("aws throttled");
                break;
            case 3:
                env.Ecs.Faults.FailNext(op, 1, "ServiceUnavailableException", HttpStatusCode.ServiceUnavailable);
                Count("aws 503");
                break;
            case 4:
                // What kube-apiserver does at the end of a watch's timeoutSeconds (every 5-10 min in a real cluster).
                env.Kube.CloseWatches();
                Count("watch closed");
                break;
            case 5:
                env.Kube.DelayRequests(TimeSpan.FromMilliseconds(random.Next(30, 200)), r => r.Verb == "watch", count: 4);
                env.Kube.DropWatches();
                Count("watch dropped, re-opened late");
                break;
            case 6:
                env.Kube.CompactHistory();
                env.Kube.CloseWatches();
                Count("watch 410 (relist)");
                break;
            case 7:
                env.Kube.FailNext(1, 409, IsStatusWrite, reason: "Conflict", message: "the object has been modified; please apply your changes to the latest version and try again");
                Count("status 409");
                break;
            case 8:
                env.Kube.DelayRequests(TimeSpan.FromMilliseconds(random.Next(10, 100)), r => r.Verb is "update" or "patch", count: 8);
                Count("writes delayed");
                break;
            case 9:
                env.Kube.FailNext(1, 503, r => r.Verb is "list" or "watch" && r.Resource != "leases");
                Count("list/watch 503");
                break;
            default:
                env.Ecs.Faults.ClearLatency();
                Count("aws latency cleared");
                break;
        }
    }

    private static bool IsStatusWrite(KubeRequest r) => r.Subresource == "status" && r.Verb is "update" or "patch";

    private void Count(string what) => _counts.AddOrUpdate(what, 1, (_, n) => n + 1);
}
