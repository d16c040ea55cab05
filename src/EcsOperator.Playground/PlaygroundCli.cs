using System.Globalization;
using System.Runtime.InteropServices;

namespace EcsOperator.Playground;

/// <summary><c>ecs-operator-playground</c> (also reached as <c>ecs-operator playground</c>): start, print, wait for Ctrl-C.</summary>
public static class PlaygroundCli
{
    private const string Usage = """
        ecs-operator playground: the operator, an in-memory Kubernetes API server and the ECS simulator on this machine.
        No AWS account, no cluster; everything is in memory and gone when it stops (Ctrl-C).
          --kubeconfig <path>  where to write the kubeconfig (default $TMPDIR/ecs-operator-playground/kubeconfig)
          --api-port <n>       Kubernetes API server port on 127.0.0.1 (default 0: any free port)
          --ecs-port <n>       ECS simulator port on 127.0.0.1 (default 0: any free port)
          --tick-ms <n>        real milliseconds per simulator step; a task starts in 2 steps (default 1000)
        """;

    /// <summary>The last line printed at start, after the commands to try.</summary>
    public const string StopHint = "Ctrl-C here stops the playground and everything in it.";

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        PlaygroundOptions options;
        try
        {
            if (args is ["--help" or "-h"])
            {
                await stdout.WriteLineAsync(Usage);
                return 0;
            }

            options = Parse(args);
        }
        catch (Exception e) when (e is ArgumentException or FormatException or OverflowException)
        {
            await stderr.WriteLineAsync($"ecs-operator-playground: {e.Message}{Environment.NewLine}{Usage}");
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

        await stdout.WriteLineAsync("Starting the Kubernetes API server, the ECS simulator and the operator ...");
        PlaygroundSession session;
        try
        {
            session = await PlaygroundSession.StartAsync(options, shutdown.Token);
        }
        catch (OperationCanceledException) when (shutdown.IsCancellationRequested)
        {
            return 0;
        }
        catch (PlaygroundException e)
        {
            await stderr.WriteLineAsync($"ecs-operator-playground: {e.Message} ({Path.Combine(Path.GetDirectoryName(Path.GetFullPath(options.Kubeconfig))!, "operator.log")})");
            return 1;
        }

        var exitCode = 0;
        await using (session)
        {
            var (shown, onDisk) = ExamplesDirectory();
            await stdout.WriteLineAsync($"""

                ECS Operator playground is running (Ctrl-C stops it; all state is in memory).
                  Kubernetes API  {session.Kube.BaseAddress} (CRDs installed; no authentication: loopback only)
                  ECS simulator   {session.Ecs.BaseAddress} (a step every {options.Tick.TotalMilliseconds:0} ms; images tagged :{PlaygroundImages.CrashingTag} crash on start, :{PlaygroundImages.MissingTag} cannot be pulled)
                  operator        ecs-operator run, pid {session.OperatorProcessId}, log {session.OperatorLog}
                  kubeconfig      {session.Kubeconfig}

                Try, in another terminal:

                """);
            await stdout.WriteAsync(Walkthrough.Commands(session.Kubeconfig, shown, onDisk));
            await stdout.WriteLineAsync(StopHint);
            await stdout.FlushAsync(CancellationToken.None);

            var stopped = Task.Delay(Timeout.Infinite, shutdown.Token);
            var finished = await Task.WhenAny(stopped, session.OperatorExited);
            if (finished == session.OperatorExited)
            {
                await stderr.WriteLineAsync($"ecs-operator-playground: the operator exited with code {await session.OperatorExited}; see {session.OperatorLog}");
                exitCode = 1;
            }

            await stdout.WriteLineAsync("Stopping the operator, the ECS simulator and the Kubernetes API server ...");
        }

        await stdout.WriteLineAsync("Stopped.");
        return exitCode;
    }

    /// <summary>The options of <paramref name="args"/>; ArgumentException, FormatException or OverflowException names what is wrong.</summary>
    internal static PlaygroundOptions Parse(IReadOnlyList<string> args)
    {
        var options = new PlaygroundOptions();
        for (var i = 0; i < args.Count; i++)
        {
            string Next() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            options = args[i] switch
            {
                "--kubeconfig" => options with { Kubeconfig = Next() },
                "--api-port" => options with { ApiPort = Port(Next()) },
                "--ecs-port" => options with { EcsPort = Port(Next()) },
                "--tick-ms" => options with { Tick = TimeSpan.FromMilliseconds(Positive(Next())) },
                _ => throw new ArgumentException($"unknown argument '{args[i]}'."),
            };
        }

        return options;
    }

    private static int Port(string value) =>
        int.Parse(value, NumberStyles.None, CultureInfo.InvariantCulture) is var port and <= 65535 ? port : throw new ArgumentException($"{value} is not a port (0-65535).");

    private static int Positive(string value) =>
        int.Parse(value, NumberStyles.None, CultureInfo.InvariantCulture) is var n and > 0 ? n : throw new ArgumentException($"{value} must be at least 1.");

    /// <summary>deploy/examples of the checkout we run in (so the commands read as in the README), else the copies shipped with us.</summary>
    private static (string Shown, string OnDisk) ExamplesDirectory()
    {
        var inCheckout = Path.Combine("deploy", "examples");
        if (File.Exists(Path.Combine(inCheckout, Walkthrough.ServiceExample)) && File.Exists(Path.Combine(inCheckout, Walkthrough.ClusterExample)))
            return ("deploy/examples", Path.GetFullPath(inCheckout));
        var shipped = Path.Combine(AppContext.BaseDirectory, "examples");
        return (shipped, shipped);
    }
}
