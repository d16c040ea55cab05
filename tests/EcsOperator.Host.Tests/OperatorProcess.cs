using System.Collections.Concurrent;
using System.Diagnostics;
using EcsOperator.Testing;
using Xunit;

namespace EcsOperator.Host.Tests;

/// <summary>
/// The real <c>ecs-operator</c> executable (<c>dotnet ecs-operator.dll</c>, copied next to the tests by the project
/// reference) as a child process, with a scrubbed AWS environment so the machine's own settings never leak in.
/// </summary>
internal sealed class OperatorProcess : IDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _stdout = new();
    private readonly ConcurrentQueue<string> _stderr = new();

    private OperatorProcess(Process process)
    {
        _process = process;
    }

    public int Id => _process.Id;

    public IReadOnlyList<string> Stdout => [.. _stdout];

    public IReadOnlyList<string> Stderr => [.. _stderr];

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    public static OperatorProcess Start(IEnumerable<string> args, IReadOnlyDictionary<string, string?>? environment = null) =>
        Start(null, args, environment);

    /// <summary>Starts <paramref name="nativeExecutable"/> (a Native AOT build) instead of <c>dotnet ecs-operator.dll</c> when given.</summary>
    public static OperatorProcess Start(string? nativeExecutable, IEnumerable<string> args, IReadOnlyDictionary<string, string?>? environment = null)
    {
        var info = new ProcessStartInfo(nativeExecutable ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Directory.CreateTempSubdirectory("ecs-operator-test").FullName,
        };
        if (nativeExecutable is null)
            info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "ecs-operator.dll"));
        foreach (var arg in args)
            info.ArgumentList.Add(arg);
        foreach (var name in info.Environment.Keys.Where(k => k.StartsWith("AWS_", StringComparison.Ordinal) || k.StartsWith("ECS_OPERATOR_", StringComparison.Ordinal)
                     || k.StartsWith("OTEL_", StringComparison.Ordinal) || k is "KUBECONFIG" or "KUBERNETES_SERVICE_HOST").ToList())
            info.Environment.Remove(name);
        // No shared AWS config or credentials files from the machine running the tests.
        info.Environment["AWS_CONFIG_FILE"] = Path.Combine(info.WorkingDirectory, "no-aws-config");
        info.Environment["AWS_SHARED_CREDENTIALS_FILE"] = Path.Combine(info.WorkingDirectory, "no-aws-credentials");
        info.Environment["AWS_EC2_METADATA_DISABLED"] = "true";
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
            info.Environment[name] = value;

        var process = new Process { StartInfo = info };
        var result = new OperatorProcess(process);
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is not null)
                result._stdout.Enqueue(e.Data);
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
                result._stderr.Enqueue(e.Data);
        };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return result;
    }

    /// <summary>Runs to completion (for short commands) and returns the exit code.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        cts.CancelAfter(timeout);
        await _process.WaitForExitAsync(cts.Token);
        _process.WaitForExit(); // drains the redirected streams
        return _process.ExitCode;
    }

    /// <summary>Sends SIGTERM, as the kubelet does when a pod stops.</summary>
    public async Task TerminateAsync()
    {
        using var kill = Process.Start(new ProcessStartInfo("kill") { ArgumentList = { "-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) }, UseShellExecute = false })!;
        await kill.WaitForExitAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>A free port below the kernel's ephemeral range (see <see cref="ListenPorts.Free"/>).</summary>
    public static int FreePort() => ListenPorts.Free();

    public void Dispose()
    {
        if (!_process.HasExited)
            _process.Kill(entireProcessTree: true);
        _process.Dispose();
    }

    public override string ToString() => $"stdout:\n{string.Join('\n', _stdout)}\nstderr:\n{string.Join('\n', _stderr)}";
}
