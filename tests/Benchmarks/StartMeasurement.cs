using System.Globalization;
using System.Text.RegularExpressions;

namespace EcsOperator.Benchmarks;

/// <summary>
/// One process start → first reconcile: from the kernel's start of the operator process until the status of an
/// EcsTaskDefinition that existed before it started is written, with the operator's own startup trace (category
/// <c>EcsOperator.Startup</c>, ms after process start) and the first AWS call the simulator saw.
/// </summary>
public sealed partial record StartMeasurement
{
    /// <summary>Which executable: "JIT" for a .dll under <c>dotnet</c>, else the file name.</summary>
    public required string Operator { get; init; }

    /// <summary>From the process's start (kernel) to the status write being visible in the API server.</summary>
    public required TimeSpan FromProcessStart { get; init; }

    /// <summary>From the benchmark's Process.Start call (includes its own spawn cost) to the same point.</summary>
    public required TimeSpan FromSpawn { get; init; }

    /// <summary>When the simulator saw the operator's first AWS call, after process start.</summary>
    public TimeSpan? FirstAwsCall { get; init; }

    /// <summary>The operator's startup trace: phase and milliseconds after process start, in order.</summary>
    public required IReadOnlyList<(string Phase, long Milliseconds)> Phases { get; init; }

    public static string Label(string operatorPath) =>
        operatorPath.EndsWith(".dll", StringComparison.Ordinal) ? "JIT" : $"AOT ({Path.GetFileName(operatorPath)})";

    /// <summary>The trace lines of the operator's log, e.g. <c>Startup: host built at 550 ms after process start</c>.</summary>
    public static IReadOnlyList<(string Phase, long Milliseconds)> ReadPhases(string logFile)
    {
        using var stream = new FileStream(logFile, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        var phases = new List<(string, long)>();
        while (reader.ReadLine() is { } line)
        {
            if (PhaseLine().Match(line) is { Success: true } m)
                phases.Add((m.Groups[1].Value, long.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture)));
        }

        return phases;
    }

    public string Format() =>
        string.Create(CultureInfo.InvariantCulture, $"start -> first reconcile, {Operator}: {FromProcessStart.TotalMilliseconds:F0} ms from process start ({FromSpawn.TotalMilliseconds:F0} ms from the spawn call)")
        + (FirstAwsCall is { } first ? string.Create(CultureInfo.InvariantCulture, $"; first AWS call at {first.TotalMilliseconds:F0} ms") : string.Empty)
        + (Phases.Count > 0 ? "; trace (ms after process start): " + string.Join(", ", Phases.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Phase} {p.Milliseconds}"))) : string.Empty);

    [GeneratedRegex(@"Startup: (.+) at (\d+) ms after process start")]
    private static partial Regex PhaseLine();
}
