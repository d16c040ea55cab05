using System.Globalization;
using EcsOperator.Benchmarks;

// dotnet run -c Release --project tests/Benchmarks -- [--services N] [--resync-seconds S] [--workers W]
//     [--operator path/to/ecs-operator.dll] [--rate-limits default|off] [--skip-raw] [--raw-only]
//     [--steady-intervals K] [--operator-env NAME=VALUE]... [--compare-operator path/to/aot/ecs-operator]...
//     [--startup-runs R] [--spec-changes K] [--spec-change-pace-ms MS] [--ready-check watch|poll] [--tick-ms MS] [--kube-floor]
var options = new ScaleOptions();
for (var i = 0; i < args.Length; i++)
{
    string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
    switch (args[i])
    {
        case "--services": options = options with { Services = int.Parse(Next(), CultureInfo.InvariantCulture) }; break;
        case "--resync-seconds": options = options with { ResyncInterval = TimeSpan.FromSeconds(int.Parse(Next(), CultureInfo.InvariantCulture)) }; break;
        case "--workers": options = options with { Workers = int.Parse(Next(), CultureInfo.InvariantCulture) }; break;
        case "--operator": options = options with { OperatorDll = Next() }; break;
        case "--rate-limits": options = options with { RateLimits = Next() == "off" ? false : true }; break;
        case "--skip-raw": options = options with { SkipRaw = true }; break;
        case "--raw-only": options = options with { RawOnly = true }; break;
        case "--steady-intervals": options = options with { SteadyIntervals = int.Parse(Next(), CultureInfo.InvariantCulture) }; break;
        case "--operator-env":
            var pair = Next().Split('=', 2);
            options = options with { OperatorEnvironment = new Dictionary<string, string>(options.OperatorEnvironment) { [pair[0]] = pair.Length == 2 ? pair[1] : string.Empty } };
            break;
        case "--compare-operator": options = options with { CompareOperators = [.. options.CompareOperators, Next()] }; break;
        case "--startup-runs": options = options with { StartupRuns = int.Parse(Next(), CultureInfo.InvariantCulture) }; break;
        case "--spec-changes": options = options with { SpecChanges = int.Parse(Next(), CultureInfo.InvariantCulture) }; break;
        case "--spec-change-pace-ms": options = options with { SpecChangePace = TimeSpan.FromMilliseconds(int.Parse(Next(), CultureInfo.InvariantCulture)) }; break;
        case "--ready-check": options = options with { PollReadyCheck = Next() == "poll" }; break;
        case "--kube-floor": options = options with { KubernetesFloor = true }; break;
        case "--tick-ms": options = options with { TickInterval = TimeSpan.FromMilliseconds(int.Parse(Next(), CultureInfo.InvariantCulture)) }; break;
        default:
            Console.Error.WriteLine($"unknown argument {args[i]}");
            return 2;
    }
}

if (options.Services < 1 || options.Workers < 1 || options.StartupRuns < 1)
{
    Console.Error.WriteLine("--services, --workers and --startup-runs must be at least 1");
    return 2;
}

if (options.RawOnly)
{
    var raw = await ScaleBenchmark.RunRawOnlyAsync(options, Console.Out, CancellationToken.None);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"raw only, N = {options.Services}: {raw.TotalSeconds:F1} s"));
    return 0;
}

var result = await ScaleBenchmark.RunAsync(options, Console.Out, CancellationToken.None);
Console.WriteLine();
Console.WriteLine(result.ToMarkdownRow());
foreach (var line in result.SummaryLines())
    Console.WriteLine(line);
return 0;
