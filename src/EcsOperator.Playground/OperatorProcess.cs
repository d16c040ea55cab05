using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace EcsOperator.Playground;

/// <summary>
/// The real operator, <c>ecs-operator run</c>, as a child process: the same binary and command line a cluster runs,
/// its log in a file, stopped with SIGTERM as Kubernetes stops it.
/// </summary>
internal sealed partial class OperatorProcess : IAsyncDisposable
{
    private const int SigTerm = 15;

    private readonly Process _process;
    private readonly StreamWriter _log;
    private readonly Task _copyOut;
    private readonly Task _copyErr;

    private OperatorProcess(Process process, StreamWriter log, int healthPort)
    {
        _process = process;
        _log = log;
        HealthPort = healthPort;
        _copyOut = CopyAsync(process.StandardOutput);
        _copyErr = CopyAsync(process.StandardError);
    }

    public int Id => _process.Id;

    public int HealthPort { get; }

    /// <summary>Completes with the exit code when the operator ends, by itself or stopped.</summary>
    public Task<int> Exited => WaitExitAsync();

    /// <summary>Starts <c>ecs-operator run</c> against the API server (kubeconfig) and the simulator.</summary>
    public static OperatorProcess Start(string kubeconfig, Uri ecsEndpoint, string logPath)
    {
        var (fileName, prefix) = Locate();
        var healthPort = FreeLoopbackPort();
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var arg in prefix)
            start.ArgumentList.Add(arg);
        string[] args =
        [
            "run",
            "--kubeconfig", kubeconfig,
            "--aws-region", "us-east-1",
            "--ecs-endpoint", ecsEndpoint.ToString(),
            "--application-autoscaling-endpoint", ecsEndpoint.ToString(),
            "--leader-election", "false",
            // One person's playground: every namespace acts as the operator's own (simulated) principal.
            "--tenancy", "open",
            "--health-address", "127.0.0.1",
            "--health-port", healthPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--metrics-port", "0",
            "--log-format", "text",
        ];
        foreach (var arg in args)
            start.ArgumentList.Add(arg);

        // Nothing of the user's own operator or AWS settings may reach the simulator run.
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("AWS_", StringComparison.Ordinal) || k.StartsWith("ECS_OPERATOR_", StringComparison.Ordinal)).ToList())
            start.Environment.Remove(name);
        start.Environment["AWS_ACCESS_KEY_ID"] = "playground";
        start.Environment["AWS_SECRET_ACCESS_KEY"] = "playground";
        // In a cluster these pace a real ECS; against a simulator stepping every second they would only make you wait.
        start.Environment["Operator__RolloutRecheckInterval"] = "00:00:02";
        start.Environment["Operator__DeletionRecheckInterval"] = "00:00:02";
        start.Environment["Operator__TaskPollInterval"] = "00:00:02";
        start.Environment["Operator__ServiceSnapshotMaxAge"] = "00:00:01";

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(logPath))!);
        var log = new StreamWriter(logPath, append: false) { AutoFlush = true };
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new PlaygroundException($"could not start {fileName}");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            log.Dispose();
            throw new PlaygroundException($"could not start {fileName}: {e.Message}", e);
        }

        return new OperatorProcess(process, log, healthPort);
    }

    /// <summary>Waits until the operator answers /readyz (its informers have synced), or fails with why not.</summary>
    public async Task WaitReadyAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var ready = new Uri($"http://127.0.0.1:{HealthPort}/readyz");
        var deadline = DateTimeOffset.UtcNow + timeout;
        while (true)
        {
            if (_process.HasExited)
                throw new PlaygroundException($"the operator exited with code {_process.ExitCode} while starting; see its log");
            try
            {
                using var response = await http.GetAsync(ready, cancellationToken);
                if (response.IsSuccessStatusCode)
                    return;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // One slow answer; ask again.
            }

            if (DateTimeOffset.UtcNow > deadline)
                throw new PlaygroundException($"the operator did not report ready within {timeout.TotalSeconds:0} s; see its log");
            await Task.Delay(TimeSpan.FromMilliseconds(200), cancellationToken);
        }
    }

    /// <summary>SIGTERM, then the operator's own graceful stop (it finishes in-flight reconciles); killed after <paramref name="grace"/>.</summary>
    public async Task StopAsync(TimeSpan grace)
    {
        if (!_process.HasExited)
        {
            if (OperatingSystem.IsWindows() || Kill(_process.Id, SigTerm) != 0)
                _process.Kill(entireProcessTree: true);
            using var timeout = new CancellationTokenSource(grace);
            try
            {
                await _process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync(CancellationToken.None);
            }
        }

        await Task.WhenAll(_copyOut, _copyErr);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync(TimeSpan.FromSeconds(30));
        _process.Dispose();
        await _log.DisposeAsync();
    }

    private async Task<int> WaitExitAsync()
    {
        await _process.WaitForExitAsync(CancellationToken.None);
        return _process.ExitCode;
    }

    private async Task CopyAsync(StreamReader from)
    {
        while (await from.ReadLineAsync(CancellationToken.None) is { } line)
        {
            lock (_log)
                _log.WriteLine(line);
        }
    }

    /// <summary>
    /// <c>ecs-operator</c> next to this program (a build or publish puts it there), run by the same dotnet host when
    /// only its dll is there; else the one on PATH.
    /// </summary>
    private static (string FileName, string[] Prefix) Locate()
    {
        var executable = OperatingSystem.IsWindows() ? "ecs-operator.exe" : "ecs-operator";
        var beside = Path.Combine(AppContext.BaseDirectory, executable);
        if (File.Exists(beside))
            return (beside, []);
        var dll = Path.Combine(AppContext.BaseDirectory, "ecs-operator.dll");
        if (File.Exists(dll))
            return (DotnetHost(), [dll]);
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(dir, executable);
            if (File.Exists(candidate))
                return (candidate, []);
        }

        throw new PlaygroundException($"{executable} was found neither next to the playground ({AppContext.BaseDirectory}) nor on PATH");
    }

    private static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host
        : Environment.ProcessPath is { } self && Path.GetFileNameWithoutExtension(self) == "dotnet" ? self
        : "dotnet";

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);
}
