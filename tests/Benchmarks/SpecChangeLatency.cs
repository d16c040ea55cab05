using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using EcsOperator.Api.Services;
using EcsOperator.Kubernetes.Rest;
using EcsOperator.Simulator;

namespace EcsOperator.Benchmarks;

/// <summary>
/// Spec change → AWS call in the steady state: K EcsServices spread over the N get a new desiredCount, one every
/// <c>pace</c>; for each, the time from just before the API server is sent the patch (in process: it accepts it within
/// the same millisecond or two) until the simulator holds the new desired count, i.e. it has applied the operator's
/// UpdateService. The simulator is read directly (in process, uncounted) every 5 ms, so that is the resolution.
/// </summary>
public static class SpecChangeLatency
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(5);

    public sealed record Result(int Changed, IReadOnlyList<TimeSpan> Latencies, TimeSpan Timeout)
    {
        public int Missing => Changed - Latencies.Count;

        public TimeSpan Percentile(double p)
        {
            // A change never applied within the timeout counts as the timeout (so it can only raise the figure).
            var all = Latencies.Concat(Enumerable.Repeat(Timeout, Missing)).Order().ToArray();
            return all.Length == 0 ? TimeSpan.Zero : all[Math.Clamp((int)Math.Ceiling(p * all.Length) - 1, 0, all.Length - 1)];
        }

        public string Format() =>
            string.Create(CultureInfo.InvariantCulture, $"spec change -> AWS call, {Changed} EcsServices: p50 {Percentile(0.5).TotalMilliseconds:F0} ms, p99 {Percentile(0.99).TotalMilliseconds:F0} ms, max {Percentile(1).TotalMilliseconds:F0} ms")
            + (Missing > 0 ? string.Create(CultureInfo.InvariantCulture, $"; {Missing} not applied within {Timeout.TotalSeconds:F0} s (counted as {Timeout.TotalSeconds:F0} s)") : string.Empty);
    }

    public static async Task<Result> RunAsync(IResourceClient<EcsService> services, EcsSimulator sim, int total, int changes, TimeSpan pace,
        TimeSpan timeout, CancellationToken cancellationToken)
    {
        var pending = new ConcurrentDictionary<string, long>(StringComparer.Ordinal);
        var latencies = new ConcurrentBag<TimeSpan>();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var watcher = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                foreach (var batch in pending.Keys.Chunk(10))
                {
                    var described = sim.Invoke("DescribeServices", new JsonObject
                    {
                        ["cluster"] = "default",
                        ["services"] = new JsonArray([.. batch.Select(n => (JsonNode)n)]),
                    });
                    var now = Stopwatch.GetTimestamp();
                    foreach (var service in described["services"]?.AsArray() ?? [])
                    {
                        var name = (string?)service?["serviceName"];
                        if (name is not null && (int?)service?["desiredCount"] == 2 && pending.TryRemove(name, out var sent))
                            latencies.Add(Stopwatch.GetElapsedTime(sent, now));
                    }
                }

                try
                {
                    await Task.Delay(Poll, stop.Token);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }, CancellationToken.None);

        var step = Math.Max(1, total / changes);
        var next = Stopwatch.StartNew();
        for (var k = 0; k < changes; k++)
        {
            var name = Workload.Name(k * step % total);
            // Register before sending: the operator may apply it before the patch's response is back here.
            pending[name] = Stopwatch.GetTimestamp();
            await services.PatchAsync(Workload.Namespace, name, KubernetesPatch.Merge(new JsonObject { ["spec"] = new JsonObject { ["desiredCount"] = 2 } }),
                cancellationToken);
            var due = pace * (k + 1) - next.Elapsed;
            if (due > TimeSpan.Zero)
                await Task.Delay(due, cancellationToken);
        }

        var deadline = Stopwatch.StartNew();
        while (!pending.IsEmpty && deadline.Elapsed < timeout)
            await Task.Delay(TimeSpan.FromMilliseconds(50), cancellationToken);
        await stop.CancelAsync();
        await watcher;
        return new Result(changes, [.. latencies], timeout);
    }
}
