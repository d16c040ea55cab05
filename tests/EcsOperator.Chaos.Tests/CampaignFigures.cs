using System.Globalization;
using System.Text;

namespace EcsOperator.Chaos.Tests;

/// <summary>The campaign's figures as the README reports them.</summary>
public static class CampaignFigures
{
    public static string Markdown(IReadOnlyList<RunResult> results, ChaosSettings settings)
    {
        var sb = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        var converged = results.Where(r => r.Converged is not null).Select(r => r.Converged!.Value.TotalSeconds).Order().ToList();
        sb.AppendLine(inv, $"| runs | seeds | objects | AWS calls | invariant violations | runs not converged | converge median (s) | converge p99 (s) | chaos phase (s) | wall time (s) |");
        sb.AppendLine("|---|---|---|---|---|---|---|---|---|---|");
        sb.AppendLine(inv, $"| {results.Count} | {Seeds(results)} | {results.Sum(r => r.Objects)} | {results.Sum(r => r.AwsCalls)} | {results.Sum(r => r.Violations.Count)} | {results.Count - converged.Count} | {Percentile(converged, 0.5):F1} | {Percentile(converged, 0.99):F1} | {settings.ChaosDuration.TotalSeconds:F0} | {results.Sum(r => r.Elapsed.TotalSeconds):F0} |");
        sb.AppendLine();
        sb.AppendLine("| fault kind | injected |");
        sb.AppendLine("|---|---|");
        foreach (var kind in Enum.GetValues<FaultKind>())
            sb.AppendLine(inv, $"| {kind} | {results.Sum(r => r.Faults.TryGetValue(kind, out var n) ? n : 0)} |");
        var failed = results.Where(r => r.Violations.Count > 0).ToList();
        if (failed.Count > 0)
        {
            sb.AppendLine();
            sb.AppendLine("Violations:");
            foreach (var r in failed)
            {
                foreach (var v in r.Violations)
                    sb.AppendLine(inv, $"- CHAOS_SEED={r.Seed}: {v}");
            }
        }

        return sb.ToString();
    }

    private static string Seeds(IReadOnlyList<RunResult> results)
    {
        if (results.Count == 0)
            return "-";
        var seeds = results.Select(r => r.Seed).Order().ToList();
        return seeds[^1] - seeds[0] + 1 == seeds.Count ? $"{seeds[0]}–{seeds[^1]}" : string.Join(",", seeds);
    }

    private static double Percentile(IReadOnlyList<double> sorted, double p) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
}
