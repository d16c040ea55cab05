using System.Diagnostics;
using System.Globalization;

namespace EcsOperator.Benchmarks;

/// <summary>
/// The operator as its own process (as in a pod), configured through the environment only, with its peak resident
/// memory read from <c>/proc/&lt;pid&gt;/status</c> (VmHWM).
/// </summary>
public sealed class OperatorProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _workingDirectory;

    private OperatorProcess(Process process, string workingDirectory, DateTimeOffset startedAt, DateTimeOffset? kernelStartedAt)
    {
        _process = process;
        _workingDirectory = workingDirectory;
        StartedAt = startedAt;
        KernelStartedAt = kernelStartedAt ?? startedAt;
    }

    /// <summary>Just before <see cref="Process.Start()"/> was called (the benchmark's own spawn cost is after this).</summary>
    public DateTimeOffset StartedAt { get; }

    /// <summary>When the kernel started the process (from /proc, 10 ms resolution): what "process start" means in the issue.</summary>
    public DateTimeOffset KernelStartedAt { get; }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public static OperatorProcess Start(string operatorDll, IReadOnlyDictionary<string, string> environment, string logFile)
    {
        if (!File.Exists(operatorDll))
            throw new FileNotFoundException($"{operatorDll} not found: build it first with `dotnet build src/EcsOperator -c Release`", operatorDll);
        // A .dll runs under the dotnet host; anything else is an apphost or a native (AOT) executable.
        var info = operatorDll.EndsWith(".dll", StringComparison.Ordinal)
            ? new ProcessStartInfo("dotnet") { ArgumentList = { Path.GetFullPath(operatorDll) } }
            : new ProcessStartInfo(Path.GetFullPath(operatorDll));
        // An empty working directory, as a container's: the .NET host watches its content root (the working
        // directory) for configuration reloads, which from the repository root placed ~640 inotify watches.
        info.WorkingDirectory = Directory.CreateTempSubdirectory("ecs-operator-bench-cwd-").FullName;
        info.RedirectStandardOutput = true;
        info.RedirectStandardError = true;
        info.UseShellExecute = false;
        foreach (var (key, value) in environment)
            info.Environment[key] = value;
        var log = new StreamWriter(logFile) { AutoFlush = true };
        var startedAt = DateTimeOffset.UtcNow;
        var process = Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start");
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.WriteLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.WriteLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        process.Exited += (_, _) => log.Dispose();
        process.EnableRaisingEvents = true;
        return new OperatorProcess(process, info.WorkingDirectory, startedAt, KernelStart(process.Id));
    }

    /// <summary>The process's start on this machine's wall clock: its age from the boot clock (/proc/uptime against starttime in /proc/PID/stat).</summary>
    private static DateTimeOffset? KernelStart(int pid)
    {
        try
        {
            var now = DateTimeOffset.UtcNow;
            var uptime = double.Parse(File.ReadAllText("/proc/uptime").Split(' ')[0], CultureInfo.InvariantCulture);
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var startTicks = long.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[19], CultureInfo.InvariantCulture);
            return now - TimeSpan.FromSeconds(uptime - startTicks / 100.0);
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>CPU time (user + system) the process has used so far (Linux only, 10 ms resolution).</summary>
    public TimeSpan CpuTime()
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{_process.Id}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return TimeSpan.FromSeconds((long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / 100.0);
        }
        catch (IOException)
        {
            return TimeSpan.Zero;
        }
    }

    /// <summary>Peak resident set size so far, in MiB (Linux only).</summary>
    public double PeakRssMiB() => ReadStatusKiB("VmHWM:") / 1024.0;

    /// <summary>Current resident set size, in MiB (Linux only).</summary>
    public double RssMiB() => ReadStatusKiB("VmRSS:") / 1024.0;

    private long ReadStatusKiB(string field)
    {
        foreach (var line in File.ReadLines($"/proc/{_process.Id}/status"))
        {
            if (line.StartsWith(field, StringComparison.Ordinal))
                return long.Parse(line[field.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
        }

        return 0;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        Directory.Delete(_workingDirectory, recursive: true);
    }
}
