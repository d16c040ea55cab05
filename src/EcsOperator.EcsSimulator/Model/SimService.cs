using System.Text.Json.Nodes;

namespace EcsOperator.Simulator.Model;

/// <summary>An ECS service: its settings, its deployments and its event log.</summary>
internal sealed class SimService
{
    public required string Name { get; init; }

    public required string Arn { get; init; }

    public required SimCluster Cluster { get; init; }

    public string Status { get; set; } = "ACTIVE";

    public int DesiredCount { get; set; }

    /// <summary>The revision the service is configured with now (the PRIMARY deployment's).</summary>
    public required SimServiceRevision Revision { get; set; }

    public required JsonObject DeploymentConfiguration { get; set; }

    public JsonObject DeploymentController { get; set; } = new() { ["type"] = "ECS" };

    public string SchedulingStrategy { get; init; } = "REPLICA";

    public int? HealthCheckGracePeriodSeconds { get; set; }

    public string? Role { get; init; }

    public bool EnableEcsManagedTags { get; set; }

    public string PropagateTags { get; set; } = "NONE";

    public bool EnableExecuteCommand { get; set; }

    public string? AvailabilityZoneRebalancing { get; set; }

    public SimTags Tags { get; set; } = new();

    public DateTimeOffset CreatedAt { get; init; }

    public string? CreatedBy { get; init; }

    public string? ClientToken { get; init; }

    /// <summary>The CreateService request that created the service, for clientToken idempotency checks.</summary>
    public JsonObject? CreateRequest { get; init; }

    /// <summary>Newest first, as ECS returns them; capped at 100.</summary>
    public List<(string Id, DateTimeOffset At, string Message)> Events { get; } = [];

    /// <summary>Newest first: index 0 is the PRIMARY deployment.</summary>
    public List<SimDeployment> Deployments { get; } = [];

    /// <summary>Every service deployment ever started, oldest first.</summary>
    public List<SimServiceDeployment> ServiceDeployments { get; } = [];

    /// <summary>The last deployment that reached COMPLETED: the circuit breaker's rollback target.</summary>
    public SimDeployment? LastCompletedDeployment { get; set; }

    public bool SteadyStateReported { get; set; }

    /// <summary>
    /// The service's tasks that have not reached STOPPED, in launch order: an index kept by the scheduler so that a
    /// tick or a DescribeServices costs the service's own tasks, not every task in the account.
    /// </summary>
    public List<SimTask> LiveTasks { get; } = [];

    /// <summary>The last "unable to place a task" message recorded, so a repeated cause is not logged every tick (as ECS omits duplicates).</summary>
    public string? LastPlacementFailure { get; set; }

    public DateTimeOffset? InactiveAt { get; set; }

    public SimDeployment? Primary => Deployments.Count > 0 ? Deployments[0] : null;
}
