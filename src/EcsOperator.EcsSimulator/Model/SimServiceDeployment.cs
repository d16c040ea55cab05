using System.Text.Json.Nodes;

namespace EcsOperator.Simulator.Model;

/// <summary>A service deployment as ListServiceDeployments / DescribeServiceDeployments report it.</summary>
internal sealed class SimServiceDeployment
{
    public required string Arn { get; init; }

    public required SimService Service { get; init; }

    public required SimServiceRevision Target { get; init; }

    /// <summary>Revisions that were running when the deployment started, with their task counts at that time.</summary>
    public required List<(SimServiceRevision Revision, int Requested, int Running, int Pending)> Sources { get; init; }

    public required JsonObject DeploymentConfiguration { get; init; }

    public string Status { get; set; } = "PENDING";

    public string? StatusReason { get; set; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? StartedAt { get; set; }

    public DateTimeOffset? FinishedAt { get; set; }

    public DateTimeOffset? StoppedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public string LifecycleStage { get; set; } = "RECONCILE_SERVICE";

    public bool CircuitBreakerEnabled { get; init; }

    public string CircuitBreakerStatus { get; set; } = "DISABLED";

    public int FailureCount { get; set; }

    public int Threshold { get; set; }

    public string? RollbackReason { get; set; }

    public DateTimeOffset? RollbackStartedAt { get; set; }

    public SimServiceRevision? RollbackRevision { get; set; }

    /// <summary>ROLLING, BLUE_GREEN, LINEAR or CANARY, from the service's deploymentConfiguration when it started.</summary>
    public string Strategy { get; init; } = "ROLLING";

    /// <summary>Production traffic on the target revision, in percent (blue/green, linear, canary).</summary>
    public double ProductionTrafficPercent { get; set; }

    /// <summary>Test traffic on the target revision, in percent.</summary>
    public double TestTrafficPercent { get; set; }

    /// <summary>The end of the current step bake (linear, canary) or of BAKE_TIME.</summary>
    public DateTimeOffset? WaitUntil { get; set; }

    /// <summary>The deployment the traffic shifts away from (the blue one); null for a service's first deployment.</summary>
    public SimDeployment? Blue { get; set; }

    /// <summary>Lifecycle hook outcomes in the order they ran: stage, hook target, SUCCEEDED or FAILED.</summary>
    public List<(string Stage, string? HookTargetArn, string Status, DateTimeOffset At)> HookRuns { get; } = [];
}
