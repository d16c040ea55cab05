using Xunit;
using System.Globalization;
using System.Text;

namespace EcsOperator.Chaos.Tests;

/// <summary>
/// The reliability campaign: every seed runs the real operator (two processes) through its seeded schedule of faults
/// and user edits; the test fails with each violation and the seed that replays it (CHAOS_SEED=n).
/// </summary>
public sealed class ChaosCampaignTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Every_seed_ends_with_no_invariant_violated()
    {
        var settings = ChaosSettings.FromEnvironment();
        var log = new OutputWriter(output);
        var results = new List<RunResult>();
        foreach (var seed in settings.Seeds)
        {
            var result = await ChaosRun.RunAsync(seed, settings, log, TestContext.Current.CancellationToken);
            results.Add(result);
            if (settings.ReportPath is { } path)
                await File.WriteAllTextAsync(path, CampaignFigures.Markdown(results, settings), TestContext.Current.CancellationToken);
        }

        var figures = CampaignFigures.Markdown(results, settings);
        output.WriteLine(figures);
        var failed = results.Where(r => r.Violations.Count > 0).ToList();
        Assert.True(failed.Count == 0, string.Join(Environment.NewLine, failed.SelectMany(r =>
            r.Violations.Select(v => $"CHAOS_SEED={r.Seed.ToString(CultureInfo.InvariantCulture)}: {v}"))));
    }

    private sealed class OutputWriter(ITestOutputHelper output) : TextWriter
    {
        public override Encoding Encoding => Encoding.UTF8;

        public override void WriteLine(string? value)
        {
            output.WriteLine(value ?? string.Empty);
            if (Environment.GetEnvironmentVariable("CHAOS_VERBOSE") is { Length: > 0 })
                Console.Error.WriteLine(value);
        }
    }
}
