using System.Net;
using System.Text.Json.Nodes;
using EcsOperator.Simulator.AutoScaling;
using EcsOperator.Simulator.Controls;
using EcsOperator.Simulator.Ecs;
using EcsOperator.Simulator.Protocol;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace EcsOperator.Simulator;

/// <summary>
/// An in-process ECS + Application Auto Scaling endpoint on loopback that behaves over time: deployments roll,
/// tasks start and fail, the circuit breaker trips. Time moves only through <see cref="Tick()"/> /
/// <see cref="AdvanceAsync"/> (or a real-time loop in standalone mode). Controls let tests inject faults and
/// change the world behind the client's back.
/// </summary>
public sealed partial class EcsSimulator : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly SimulatorState _state;
    private readonly Scheduler _scheduler;
    private readonly EcsApi _ecs;
    private readonly AutoScalingApi _autoScaling;
    private readonly CancellationTokenSource _stop = new();
    private Task? _realTimeLoop;

    private EcsSimulator(EcsSimulatorOptions options, WebApplication app, SimulatorState state, FaultInjector faults, CallCounter calls)
    {
        Options = options;
        _app = app;
        _state = state;
        Faults = faults;
        Calls = calls;
        _scheduler = new Scheduler(state);
        _ecs = new EcsApi(state, _scheduler);
        _autoScaling = new AutoScalingApi(state);
    }

    /// <summary>The options the simulator runs with.</summary>
    public EcsSimulatorOptions Options { get; }

    /// <summary>Where to send requests, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>The simulated world's clock.</summary>
    public TimeProvider Clock => _state.Clock;

    /// <summary>The clock as a <see cref="ManualClock"/>, or null in real-time mode.</summary>
    public ManualClock? ManualClock => _state.Clock as ManualClock;

    /// <summary>Error injection, throttling and latency.</summary>
    public FaultInjector Faults { get; }

    /// <summary>Calls per operation.</summary>
    public CallCounter Calls { get; }

    /// <summary>Rules deciding which tasks fail to start or exit, and how.</summary>
    public TaskRules Rules => _state.Rules;

    /// <summary>Ticks run since start.</summary>
    public long TickCount
    {
        get
        {
            lock (_state.Gate)
            {
                return _state.TickCount;
            }
        }
    }

    /// <summary>Starts the simulator on 127.0.0.1 (port from options, 0 = any free port).</summary>
    public static async Task<EcsSimulator> StartAsync(EcsSimulatorOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new EcsSimulatorOptions();
        if (options.TaskStartTicks < 1 || options.TaskStopTicks < 1)
        {
            throw new ArgumentException("TaskStartTicks and TaskStopTicks must be at least 1.", nameof(options));
        }

        if (options.TickDuration <= TimeSpan.Zero)
        {
            throw new ArgumentException("TickDuration must be positive.", nameof(options));
        }

        var clock = options.Clock ?? new ManualClock();
        var state = new SimulatorState(options, clock, new TaskRules());
        var faults = new FaultInjector(clock);
        var calls = new CallCounter();

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<IHostLifetime, NoSignalHostLifetime>();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, options.Port));
        var app = builder.Build();
        var simulator = new EcsSimulator(options, app, state, faults, calls);
        var endpoint = new AwsJsonEndpoint(state, simulator._ecs, simulator._autoScaling, faults, calls);
        app.Run(endpoint.HandleAsync);
        await app.StartAsync(cancellationToken);

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        simulator.BaseAddress = new Uri(address.EndsWith('/') ? address : address + "/");
        if (options.RealTimeTickInterval is { } interval)
        {
            simulator._realTimeLoop = simulator.RunRealTimeAsync(interval, simulator._stop.Token);
        }

        return simulator;
    }

    /// <summary>
    /// One scheduler step: a <see cref="ManualClock"/> moves by <see cref="EcsSimulatorOptions.TickDuration"/>, then
    /// scheduled scaling actions run, tasks progress and every service's scheduler acts once.
    /// </summary>
    public void Tick()
    {
        // The clock moves outside the state lock: timers of code sharing the clock fire here and may call us.
        ManualClock?.Advance(Options.TickDuration);
        lock (_state.Gate)
        {
            _autoScaling.RunDueScheduledActions();
            _scheduler.Step();
        }
    }

    /// <summary>Runs <paramref name="count"/> ticks.</summary>
    public void Tick(int count)
    {
        for (var i = 0; i < count; i++)
        {
            Tick();
        }
    }

    /// <summary>Advances simulated time by <paramref name="by"/>, ticking once per whole tick duration in it.</summary>
    public ValueTask AdvanceAsync(TimeSpan by, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(by, TimeSpan.Zero);
        var ticks = (long)(by.Ticks / Options.TickDuration.Ticks);
        for (var i = 0; i < ticks; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            Tick();
        }

        var rest = by - (Options.TickDuration * ticks);
        if (rest > TimeSpan.Zero)
        {
            ManualClock?.Advance(rest);
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>
    /// Ticks until <paramref name="condition"/> holds (checked before each tick), at most <paramref name="maxTicks"/>
    /// ticks; returns whether it held.
    /// </summary>
    public bool TickUntil(Func<bool> condition, int maxTicks = 100)
    {
        ArgumentNullException.ThrowIfNull(condition);
        for (var i = 0; i <= maxTicks; i++)
        {
            if (condition())
            {
                return true;
            }

            if (i < maxTicks)
            {
                Tick();
            }
        }

        return false;
    }

    /// <summary>Someone outside the operator sets the service's desired count (as UpdateService would).</summary>
    public void SetDesiredCount(string cluster, string service, int desiredCount) =>
        ExternalUpdate(new JsonObject { ["cluster"] = cluster, ["service"] = service, ["desiredCount"] = desiredCount });

    /// <summary>Someone outside the operator points the service at another task definition: a new deployment starts.</summary>
    public void SetServiceTaskDefinition(string cluster, string service, string taskDefinition) =>
        ExternalUpdate(new JsonObject { ["cluster"] = cluster, ["service"] = service, ["taskDefinition"] = taskDefinition });

    /// <summary>Someone outside the operator changes the service's network configuration: a new deployment starts.</summary>
    public void SetServiceNetworkConfiguration(string cluster, string service, JsonObject networkConfiguration)
    {
        ArgumentNullException.ThrowIfNull(networkConfiguration);
        ExternalUpdate(new JsonObject { ["cluster"] = cluster, ["service"] = service, ["networkConfiguration"] = networkConfiguration.DeepClone() });
    }

    /// <summary>Someone outside the operator applies an arbitrary UpdateService request (ECS JSON).</summary>
    public void ExternalUpdate(JsonObject updateServiceRequest)
    {
        ArgumentNullException.ThrowIfNull(updateServiceRequest);
        Invoke("UpdateService", updateServiceRequest);
    }

    /// <summary>
    /// What a scaling policy would do: sets the desired count of the service behind <paramref name="resourceId"/>
    /// (<c>service/cluster/name</c>) clamped into the target's [min, max], and records a scaling activity.
    /// Returns the applied desired count.
    /// </summary>
    public int TriggerScaling(string resourceId, int newDesired, string? cause = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(resourceId);
        lock (_state.Gate)
        {
            return _autoScaling.Trigger(resourceId, newDesired, cause);
        }
    }

    /// <summary>
    /// The essential container of a RUNNING task exits now with <paramref name="exitCode"/>: the task stops with
    /// EssentialContainerExited and, for a service task, the scheduler replaces it on the next tick.
    /// </summary>
    public void CrashTask(string taskArn, int exitCode = 1)
    {
        ArgumentException.ThrowIfNullOrEmpty(taskArn);
        lock (_state.Gate)
        {
            var task = _state.Tasks.GetValueOrDefault(taskArn) ?? throw new ArgumentException($"No task {taskArn}.", nameof(taskArn));
            _scheduler.Crash(task, exitCode);
        }
    }

    /// <summary>While set, RunTask places no tasks and returns this failure reason (e.g. <c>RESOURCE:MEMORY</c>).</summary>
    public void SetPlacementFailure(string? reason)
    {
        lock (_state.Gate)
        {
            _state.PlacementFailureReason = reason;
        }
    }

    /// <summary>Forgets every resource, rule, fault and count (the clock keeps its time).</summary>
    public void Reset()
    {
        lock (_state.Gate)
        {
            _state.Clear();
        }

        Rules.Clear();
        Faults.Clear();
        Calls.Reset();
    }

    /// <summary>Runs an ECS or Application Auto Scaling operation directly (no HTTP, not counted, no faults).</summary>
    public JsonObject Invoke(string operation, JsonObject request)
    {
        ArgumentNullException.ThrowIfNull(request);
        lock (_state.Gate)
        {
            if (_ecs.TryGet(operation, out var handler) || _autoScaling.TryGet(operation, out handler))
            {
                return handler(request);
            }
        }

        throw new ArgumentException($"Unknown operation '{operation}'.", nameof(operation));
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        if (_realTimeLoop is not null)
        {
            try
            {
                await _realTimeLoop;
            }
            catch (OperationCanceledException)
            {
                // Expected on shutdown.
            }
        }

        await _app.StopAsync();
        await _app.DisposeAsync();
        _stop.Dispose();
    }

    private async Task RunRealTimeAsync(TimeSpan interval, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(interval);
        while (await timer.WaitForNextTickAsync(cancellationToken))
        {
            Tick();
        }
    }
}
