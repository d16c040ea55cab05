using System.Diagnostics;

namespace EcsOperator.Chaos.Tests;

/// <summary>
/// One operator replica as its own process (as in a pod), configured through the environment only (the pattern of
/// tests/Benchmarks/OperatorProcess.cs), with its output appended to a log file.
/// </summary>
public sealed class OperatorReplica : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StreamWriter _log;

    private OperatorReplica(string identity, Process process, StreamWriter log)
    {
        Identity = identity;
        _process = process;
        _log = log;
    }

    /// <summary>The lease holder identity this replica campaigns with.</summary>
    public string Identity { get; }

    public bool HasExited => _process.HasExited;

    public static OperatorReplica Start(string operatorDll, string identity, IReadOnlyDictionary<string, string> environment, string logFile)
    {
        if (!File.Exists(operatorDll))
            throw new FileNotFoundException($"{operatorDll} not found: build it first with `dotnet build src/EcsOperator -c Release`", operatorDll);
        var info = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { operatorDll },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (key, value) in environment)
            info.Environment[key] = value;
        info.Environment["Operator__LeaderElectionIdentity"] = identity;
        var log = new StreamWriter(logFile) { AutoFlush = true };
        lock (log)
            log.WriteLine($"==== {DateTimeOffset.UtcNow:O} start {identity}");
        var process = Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start");
        process.OutputDataReceived += (_, e) => Write(log, e.Data);
        process.ErrorDataReceived += (_, e) => Write(log, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new OperatorReplica(identity, process, log);
    }

    private static void Write(StreamWriter log, string? line)
    {
        if (line is null)
            return;
        lock (log)
        {
            try
            {
                log.WriteLine(line);
            }
            catch (ObjectDisposedException)
            {
                // output that arrives after the replica was disposed
            }
        }
    }

    /// <summary>kill -9: no graceful shutdown, the lease is not released.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        Write(_log, $"==== {DateTimeOffset.UtcNow:O} killed {Identity}");
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
        lock (_log)
            _log.Dispose();
    }
}
