using System.Text.Json.Nodes;

namespace EcsOperator.Simulator.Model;

/// <summary>A task (standalone or owned by a service deployment) and its lifecycle bookkeeping.</summary>
internal sealed class SimTask
{
    public required string Arn { get; init; }

    public required string Id { get; init; }

    public required SimCluster Cluster { get; init; }

    public required SimTaskDefinition TaskDefinition { get; init; }

    public string LastStatus { get; set; } = "PROVISIONING";

    public string DesiredStatus { get; set; } = "RUNNING";

    public string? Group { get; init; }

    public string? StartedBy { get; init; }

    public string? LaunchType { get; init; }

    public string? CapacityProviderName { get; init; }

    public string? PlatformVersion { get; init; }

    public JsonObject? Overrides { get; init; }

    public SimTags Tags { get; init; } = new();

    public bool EnableExecuteCommand { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? PullStartedAt { get; set; }

    public DateTimeOffset? PullStoppedAt { get; set; }

    public DateTimeOffset? StartedAt { get; set; }

    public DateTimeOffset? StoppingAt { get; set; }

    public DateTimeOffset? StoppedAt { get; set; }

    public DateTimeOffset? ExecutionStoppedAt { get; set; }

    public string? StopCode { get; set; }

    public string? StoppedReason { get; set; }

    public long Version { get; set; } = 1;

    /// <summary>Per container: name, image, exit code and reason once stopped.</summary>
    public required List<SimContainer> Containers { get; init; }

    // Lifecycle bookkeeping (not on the wire).
    public string? ServiceName { get; init; }

    /// <summary>The service that launched the task (its <see cref="SimService.LiveTasks"/> index holds it while live).</summary>
    public SimService? Service { get; init; }

    public string? DeploymentId { get; init; }

    /// <summary>Where the task runs and what it holds there (EC2 capacity only).</summary>
    public SimPlacement? Placement { get; set; }

    public int TicksInPhase { get; set; }

    /// <summary>Ticks since launch while starting (PROVISIONING/PENDING).</summary>
    public int AgeTicks { get; set; }

    public TaskFate Fate { get; init; }

    public TimeSpan RunFor { get; init; }

    public int PlannedExitCode { get; init; }

    /// <summary>Set when the task stopped on its own (crash/failed start), as opposed to being stopped by someone.</summary>
    public bool Failed { get; set; }

    public bool EverRunning { get; set; }

    public bool IsLive => LastStatus != "STOPPED";

    public bool IsPhysicallyActive => LastStatus is "PROVISIONING" or "PENDING" or "ACTIVATING" or "RUNNING";

    public bool IsHealthyRunning => LastStatus == "RUNNING" && DesiredStatus == "RUNNING";

    public bool IsPendingStart => LastStatus is "PROVISIONING" or "PENDING" or "ACTIVATING" && DesiredStatus == "RUNNING";
}
