using System.Globalization;

namespace EcsOperator.Benchmarks;

/// <summary>The measurements of one run, and the issue's targets next to them.</summary>
public sealed record ScaleResult
{
    public required int Services { get; init; }

    public required int Workers { get; init; }

    public required bool RateLimits { get; init; }

    /// <summary>The raw sequence's time for the same N (null when skipped).</summary>
    public TimeSpan? Raw { get; init; }

    /// <summary>From the first object created until every EcsService is Ready.</summary>
    public required TimeSpan AllReady { get; init; }

    /// <summary>How long creating the 2N Kubernetes objects took (inside <see cref="AllReady"/>).</summary>
    public required TimeSpan ObjectCreation { get; init; }

    public required double CallsPerServiceAtCreate { get; init; }

    /// <summary>Whether a steady-state window was measured (the per-resync figures are 0 otherwise).</summary>
    public required bool SteadyState { get; init; }

    public required double DescribeServicesPerServicePerResync { get; init; }

    /// <summary>ListTaskDefinitions + DescribeTaskDefinition per EcsTaskDefinition per resync interval.</summary>
    public required double TaskDefinitionReadsPerObjectPerResync { get; init; }

    public required double MutationsInSteadyState { get; init; }

    /// <summary>Create / update / patch / delete requests to our kinds in the steady-state window.</summary>
    public required int KubeWritesInSteadyState { get; init; }

    public required double PeakRssMiB { get; init; }

    public required TimeSpan StartToFirstReconcile { get; init; }

    /// <summary>Every start → first reconcile measured (all executables, in order).</summary>
    public IReadOnlyList<StartMeasurement> Starts { get; init; } = [];

    /// <summary>Reconciles per object per resync interval in the steady-state window, by kind (from the operator's metrics).</summary>
    public IReadOnlyDictionary<string, double> ReconcilesPerObjectPerResync { get; init; } = new Dictionary<string, double>();

    /// <summary>Spec change → AWS call after the steady-state window (null when skipped).</summary>
    public SpecChangeLatency.Result? SpecChanges { get; init; }

    public double? Ratio => Raw is { } raw ? AllReady / raw : null;

    public string ToMarkdownRow() => string.Create(CultureInfo.InvariantCulture,
        $"| {Services} | {Workers} | {(RateLimits ? "default" : "off")} | {Raw?.TotalSeconds.ToString("F1", CultureInfo.InvariantCulture) ?? "-"} | {AllReady.TotalSeconds:F1} | {Ratio?.ToString("F2", CultureInfo.InvariantCulture) ?? "-"} | {CallsPerServiceAtCreate:F1} | {Steady(DescribeServicesPerServicePerResync, "F3")} | {Steady(TaskDefinitionReadsPerObjectPerResync, "F3")} | {Steady(MutationsInSteadyState, "F0")} | {(SteadyState ? KubeWritesInSteadyState.ToString(CultureInfo.InvariantCulture) : "-")} | {PeakRssMiB:F0} | {StartToFirstReconcile.TotalMilliseconds:F0} |");

    /// <summary>The lines printed after the row: start figures per executable, reconciles, spec-change latency.</summary>
    public IEnumerable<string> SummaryLines()
    {
        foreach (var group in Starts.GroupBy(s => s.Operator))
        {
            var ms = group.Select(s => s.FromProcessStart.TotalMilliseconds).Order().ToArray();
            yield return string.Create(CultureInfo.InvariantCulture,
                $"start -> first reconcile, {group.Key}: min {ms[0]:F0} ms, median {ms[ms.Length / 2]:F0} ms over {ms.Length} ({string.Join(", ", ms.Select(m => m.ToString("F0", CultureInfo.InvariantCulture)))})");
        }

        if (SteadyState)
        {
            yield return "steady-state reconciles per object per resync (expected 1.0 each: the resync itself): "
                + (ReconcilesPerObjectPerResync.Count == 0 ? "not read"
                    : string.Join(", ", ReconcilesPerObjectPerResync.OrderBy(r => r.Key, StringComparer.Ordinal)
                        .Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.Key} {r.Value:F3}"))));
        }

        if (SpecChanges is { } changes)
            yield return changes.Format();
    }

    private string Steady(double value, string format) => SteadyState ? value.ToString(format, CultureInfo.InvariantCulture) : "-";
}
