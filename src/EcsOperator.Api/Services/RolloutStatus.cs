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

    /// <summary>
    /// What kubectl shows in the ROLLOUT column: the rolloutState for rolling deployments; for blue/green, linear
    /// and canary the lifecycle stage and the production traffic on the new revision, e.g. "BAKE_TIME 100%".
    /// </summary>
    public string? Progress { get; init; }

    /// <summary>The deployment strategy of the followed service deployment: ROLLING, BLUE_GREEN, LINEAR or CANARY.</summary>
    public string? Strategy { get; init; }

    /// <summary>
    /// The ECS lifecycle stage of the service deployment (PRE_SCALE_UP ... PRODUCTION_TRAFFIC_SHIFT, BAKE_TIME,
    /// CLEAN_UP) while it runs.
    /// </summary>
    public string? Stage { get; init; }

    /// <summary>The service deployment's status: IN_PROGRESS, SUCCESSFUL, ROLLBACK_IN_PROGRESS, ROLLBACK_SUCCESSFUL ...</summary>
    public string? DeploymentStatus { get; init; }

    /// <summary>Percent of production traffic on the new service revision.</summary>
    public double? ProductionTrafficPercent { get; init; }

    /// <summary>Percent of test traffic on the new service revision.</summary>
    public double? TestTrafficPercent { get; init; }

    /// <summary>When BAKE_TIME ends and ECS removes the old revision (both run until then, so a rollback is instant).</summary>
    public DateTimeOffset? BakeUntil { get; init; }

    /// <summary>The ARN of the ECS service deployment being followed (ListServiceDeployments / DescribeServiceDeployments).</summary>
    public string? DeploymentArn { get; init; }

    /// <summary>
    /// The service deployment id the ecs.operator.dev/rollback annotation stopped with StopServiceDeployment ROLLBACK;
    /// recorded so the annotation acts once per deployment id.
    /// </summary>
    public string? RolledBackBy { get; init; }

    /// <summary>The metadata.generation whose rollout the annotation rolled back: that generation's revision is not pushed again.</summary>
    public long? RolledBackGeneration { get; init; }
}
