using System.ComponentModel.DataAnnotations;

namespace EcsOperator.Api.Services;

/// <summary>One of the service's deployments, in short.</summary>
public sealed record DeploymentSummary
{
    /// <summary>The ECS deployment id.</summary>
    [Required]
    public required string Id { get; init; }

    /// <summary>PRIMARY (the newest), ACTIVE (being replaced) or INACTIVE.</summary>
    public string? Status { get; init; }

    /// <summary>The task definition (ARN) the deployment runs.</summary>
    public string? TaskDefinitionArn { get; init; }

    /// <summary>IN_PROGRESS, COMPLETED or FAILED.</summary>
    public string? RolloutState { get; init; }

    /// <summary>How many tasks the deployment wants.</summary>
    public int? DesiredCount { get; init; }

    /// <summary>How many of its tasks are RUNNING.</summary>
    public int? RunningCount { get; init; }

    /// <summary>How many of its tasks are PENDING.</summary>
    public int? PendingCount { get; init; }

    /// <summary>How many of its tasks failed to start.</summary>
    public int? FailedTasks { get; init; }

    /// <summary>When the deployment was created.</summary>
    public DateTimeOffset? CreatedAt { get; init; }

    /// <summary>When the deployment last changed.</summary>
    public DateTimeOffset? UpdatedAt { get; init; }
}
