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

    public required double DescribeServicesPerServicePerResync { get; init; }

    public required double MutationsInSteadyState { get; init; }

    public required double PeakRssMiB { get; init; }

    public required TimeSpan StartToFirstReconcile { get; init; }

    public double? Ratio => Raw is { } raw ? AllReady / raw : null;

    public string ToMarkdownRow() => string.Create(CultureInfo.InvariantCulture,
        $"| {Services} | {Workers} | {(RateLimits ? "default" : "off")} | {Raw?.TotalSeconds.ToString("F1", CultureInfo.InvariantCulture) ?? "-"} | {AllReady.TotalSeconds:F1} | {Ratio?.ToString("F2", CultureInfo.InvariantCulture) ?? "-"} | {CallsPerServiceAtCreate:F1} | {DescribeServicesPerServicePerResync:F3} | {MutationsInSteadyState:F0} | {PeakRssMiB:F0} | {StartToFirstReconcile.TotalMilliseconds:F0} |");
}
