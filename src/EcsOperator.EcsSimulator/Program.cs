using System.Globalization;
using System.Runtime.InteropServices;

namespace EcsOperator.Simulator;

/// <summary>Standalone mode: <c>dotnet run --project src/EcsOperator.EcsSimulator -- --port 4566 --tick-ms 1000</c>.</summary>
internal static class Program
{
    private const string Usage = """
        ECS + Application Auto Scaling simulator
          --port <n>              loopback port (default 4566; 0 = any free port)
          --tick-ms <n>           real milliseconds between scheduler ticks (default 1000)
          --task-start-ticks <n>  ticks a task needs to reach RUNNING (default 2)
          --region <name>         region in ARNs (default us-east-1)
          --account <id>          account id in ARNs (default 123456789012)
        """;

    public static async Task<int> Main(string[] args)
    {
        var port = 4566;
        var tickMs = 1000;
        var startTicks = 2;
        var region = "us-east-1";
        var account = "123456789012";
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            try
            {
                switch (args[i])
                {
                    case "--port": port = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                    case "--tick-ms": tickMs = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                    case "--task-start-ticks": startTicks = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                    case "--region": region = Next(); break;
                    case "--account": account = Next(); break;
                    case "--help" or "-h":
                        Console.WriteLine(Usage);
                        return 0;
                    default:
                        throw new ArgumentException($"Unknown argument '{args[i]}'.");
                }
            }
            catch (Exception error) when (error is ArgumentException or FormatException or OverflowException)
            {
                await Console.Error.WriteLineAsync(error.Message + Environment.NewLine + Usage);
                return 2;
            }
        }

        if (port is < 0 or > 65535 || tickMs < 1 || startTicks < 1)
        {
            await Console.Error.WriteLineAsync("--port must be 0-65535, --tick-ms and --task-start-ticks at least 1." + Environment.NewLine + Usage);
            return 2;
        }

        using var shutdown = new CancellationTokenSource();
        void Stop(PosixSignalContext context)
        {
            context.Cancel = true;
            shutdown.Cancel();
        }

        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);

        await using var simulator = await EcsSimulator.StartAsync(new EcsSimulatorOptions
        {
            Port = port,
            Region = region,
            AccountId = account,
            Clock = TimeProvider.System,
            RealTimeTickInterval = TimeSpan.FromMilliseconds(tickMs),
            TaskStartTicks = startTicks,
        });
        Console.WriteLine($"ECS simulator listening on {simulator.BaseAddress} (tick every {tickMs} ms). Ctrl+C or SIGTERM stops it.");
        try
        {
            await Task.Delay(Timeout.Infinite, shutdown.Token);
        }
        catch (OperationCanceledException)
        {
            // Ctrl+C or SIGTERM.
        }

        return 0;
    }
}
