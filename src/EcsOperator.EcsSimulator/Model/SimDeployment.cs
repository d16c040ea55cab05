namespace EcsOperator.Simulator.Model;

/// <summary>An entry of a service's <c>deployments</c> list (PRIMARY or ACTIVE).</summary>
internal sealed class SimDeployment
{
    /// <summary><c>ecs-svc/</c> followed by digits, as ECS names deployments.</summary>
    public required string Id { get; init; }

    public required SimServiceRevision Revision { get; init; }

    /// <summary>The service deployment (ListServiceDeployments) this deployment belongs to.</summary>
    public required SimServiceDeployment ServiceDeployment { get; init; }

    public string Status { get; set; } = "PRIMARY";

    public int DesiredCount { get; set; }

    public int FailedTasks { get; set; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; set; }

    public string RolloutState { get; set; } = "IN_PROGRESS";

    public string RolloutStateReason { get; set; } = "";

    /// <summary>
    /// Set once a task of this deployment reached RUNNING: per the ECS API reference, failedTasks then resets to zero
    /// and stops being evaluated.
    /// </summary>
    public bool HasRunningTask { get; set; }

    /// <summary>Whether the "unable to consistently start tasks" event was already reported.</summary>
    public bool StartImpairedReported { get; set; }

    /// <summary>True for the deployment the circuit breaker started to roll back to the last completed revision.</summary>
    public bool IsRollback { get; init; }
}
