namespace EcsOperator.Simulator;

/// <summary>How the simulator listens and how fast its simulated world moves.</summary>
public sealed record EcsSimulatorOptions
{
    /// <summary>Loopback port; 0 picks a free one.</summary>
    public int Port { get; init; }

    /// <summary>Region used in every ARN.</summary>
    public string Region { get; init; } = "us-east-1";

    /// <summary>Account id used in every ARN.</summary>
    public string AccountId { get; init; } = "123456789012";

    /// <summary>
    /// Clock of the simulated world. Null means a new <see cref="ManualClock"/> (tests drive it with
    /// <see cref="EcsSimulator.Tick()"/>); pass <see cref="TimeProvider.System"/> for real-time use.
    /// </summary>
    public TimeProvider? Clock { get; init; }

    /// <summary>Simulated time one <see cref="EcsSimulator.Tick()"/> represents on a <see cref="ManualClock"/>.</summary>
    public TimeSpan TickDuration { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>When set, a background loop ticks every interval of real time (standalone mode).</summary>
    public TimeSpan? RealTimeTickInterval { get; init; }

    /// <summary>Ticks a task spends in PROVISIONING/PENDING before it is RUNNING (or fails to start). At least 1.</summary>
    public int TaskStartTicks { get; init; } = 2;

    /// <summary>Ticks between a stop request and STOPPED. At least 1, so DRAINING and stopping are observable.</summary>
    public int TaskStopTicks { get; init; } = 1;

    /// <summary>How long a standalone (RunTask) task runs before its essential container exits, unless a rule says otherwise.</summary>
    public TimeSpan StandaloneTaskDuration { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>Exit code of containers stopped by StopTask or by the service scheduler (SIGTERM honoured).</summary>
    public int StopSignalExitCode { get; init; } = 143;

    /// <summary>
    /// How long STOPPED tasks and INACTIVE services stay describable before they are forgotten (ECS keeps stopped
    /// tasks for at least an hour). Keeps long standalone runs with failing tasks bounded.
    /// </summary>
    public TimeSpan StoppedResourceRetention { get; init; } = TimeSpan.FromHours(1);

    /// <summary>
    /// Whether every cluster places EC2 tasks on registered container instances. When false (the default), a
    /// cluster does so from its first RegisterContainerInstance on, and EC2 tasks in a cluster that never had an
    /// instance run on unmodelled capacity.
    /// </summary>
    public bool RequireContainerInstances { get; init; }

    /// <summary>Seed for generated ids, so runs are reproducible.</summary>
    public int Seed { get; init; } = 1;
}
