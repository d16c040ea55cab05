namespace EcsOperator.Api.Services;

/// <summary>The progress of the service's newest (PRIMARY) deployment.</summary>
public sealed record RolloutStatus
{
    /// <summary>The ECS deployment id (ecs-svc/...).</summary>
    public string? DeploymentId { get; init; }

    /// <summary>The deployment's rolloutState: IN_PROGRESS, COMPLETED or FAILED.</summary>
    public string? State { get; init; }

    /// <summary>Why the deployment is in its state (ECS's rolloutStateReason), e.g. the circuit breaker's message.</summary>
    public string? Reason { get; init; }

    /// <summary>The task definition (ARN) the deployment rolls out.</summary>
    public string? TaskDefinitionArn { get; init; }

    /// <summary>How many tasks the deployment wants.</summary>
    public int? DesiredCount { get; init; }

    /// <summary>How many of the deployment's tasks are RUNNING.</summary>
    public int? RunningCount { get; init; }

    /// <summary>How many of the deployment's tasks are PENDING.</summary>
    public int? PendingCount { get; init; }

    /// <summary>How many of the deployment's tasks failed to start (what the circuit breaker counts).</summary>
    public int? FailedTasks { get; init; }

    /// <summary>When the deployment was created.</summary>
    public DateTimeOffset? StartedAt { get; init; }

    /// <summary>When the deployment reached COMPLETED or FAILED.</summary>
    public DateTimeOffset? FinishedAt { get; init; }
}
