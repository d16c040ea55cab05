using System.Diagnostics;
using System.Diagnostics.Metrics;
using EcsOperator.Kubernetes.Diagnostics;
using Microsoft.Extensions.Logging;

namespace EcsOperator.Kubernetes.Hosting;

/// <summary>
/// Times the way from process start to the first reconcile: one Debug line per phase in the category
/// <see cref="Category"/>, each with the milliseconds since the process started. Turn it on alone with
/// <c>Logging__LogLevel__EcsOperator.Startup=Debug</c>; off, it costs one clock read in Main.
/// </summary>
public sealed class StartupTrace : IDisposable
{
    /// <summary>The log category of the trace.</summary>
    public const string Category = "EcsOperator.Startup";

    private const string ReconcilesInstrument = "k8s.controller.reconciles";

    private static DateTimeOffset? s_mainEntered;

    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly DateTimeOffset _processStart;
    private MeterListener? _reconciles;
    private int _firstReconcileSeen;

    public StartupTrace(ILoggerFactory loggerFactory, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(loggerFactory);
        _logger = loggerFactory.CreateLogger(Category);
        _time = time;
        Enabled = _logger.IsEnabled(LogLevel.Debug);
        if (Enabled)
        {
            _processStart = time.GetUtcNow() - ProcessAge();
            if (s_mainEntered is { } main)
                Log("entered Main", main);
        }
    }

    /// <summary>Whether the category logs at Debug (else every call here does nothing).</summary>
    public bool Enabled { get; }

    /// <summary>Called first thing in Main: the runtime's own start-up ends here (logged once a logger exists).</summary>
    public static void MainEntered() => s_mainEntered ??= DateTimeOffset.UtcNow;

    /// <summary>Logs that <paramref name="phase"/> is done now.</summary>
    public void Mark(string phase)
    {
        if (Enabled)
            Log(phase, _time.GetUtcNow());
    }

    /// <summary>Logs <paramref name="phase"/> when <paramref name="task"/> completes successfully.</summary>
    public void MarkWhenDone(Task task, string phase)
    {
        if (Enabled)
            _ = task.ContinueWith(t => Mark(phase), CancellationToken.None, TaskContinuationOptions.OnlyOnRanToCompletion, TaskScheduler.Default);
    }

    /// <summary>Logs the end of the first reconcile of any controller in this process (its kind and result), then stops listening.</summary>
    public void MarkFirstReconcile()
    {
        if (!Enabled || _reconciles is not null)
            return;
        _reconciles = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                // By name: this may run inside KubernetesTelemetry's type initializer, before its fields are set.
                if (instrument.Meter.Name == KubernetesTelemetry.Name && instrument.Name == ReconcilesInstrument)
                    listener.EnableMeasurementEvents(instrument);
            },
        };
        _reconciles.SetMeasurementEventCallback<long>((instrument, _, tags, _) =>
        {
            if (Interlocked.Exchange(ref _firstReconcileSeen, 1) != 0)
                return;
            _reconciles.DisableMeasurementEvents(instrument);
            string? kind = null, result = null;
            foreach (var tag in tags)
            {
                if (tag.Key == "kind")
                    kind = tag.Value as string;
                else if (tag.Key == "result")
                    result = tag.Value as string;
            }

            Mark($"first reconcile done ({kind}, {result})");
        });
        _reconciles.Start();
    }

    public void Dispose() => _reconciles?.Dispose();

    /// <summary>
    /// How long ago this process started. On Linux from the boot clock (/proc/uptime against the process's start in
    /// /proc/self/stat, 10 ms resolution): Process.StartTime adds the boot time in whole seconds, up to 1 s off.
    /// </summary>
    private static TimeSpan ProcessAge()
    {
        try
        {
            var uptime = double.Parse(File.ReadAllText("/proc/uptime").Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
            var stat = File.ReadAllText("/proc/self/stat");
            // Field 22 (starttime, in clock ticks of 1/100 s); fields after the parenthesised command name.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            var startTicks = long.Parse(fields[19], System.Globalization.CultureInfo.InvariantCulture);
            return TimeSpan.FromSeconds(uptime - startTicks / 100.0);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
            using var process = Process.GetCurrentProcess();
            return DateTime.UtcNow - process.StartTime.ToUniversalTime();
        }
    }

    private void Log(string phase, DateTimeOffset at) =>
        _logger.LogDebug("Startup: {Phase} at {Milliseconds} ms after process start", phase, (long)(at - _processStart).TotalMilliseconds);
}
