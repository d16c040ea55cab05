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
}
