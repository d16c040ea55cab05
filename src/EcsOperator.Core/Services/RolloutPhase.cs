namespace EcsOperator.Core.Services;

/// <summary>Where the deployment of the spec's task definition stands.</summary>
public enum RolloutPhase
{
    /// <summary>No deployment of the spec's task definition exists: the service must be updated.</summary>
    NotStarted,

    /// <summary>The deployment is placing tasks.</summary>
    InProgress,

    /// <summary>The deployment finished and the service runs its desired count.</summary>
    Completed,

    /// <summary>ECS gave up on the deployment (circuit breaker or alarms); it may have rolled back.</summary>
    Failed,

    /// <summary>A newer deployment of another task definition replaced it (someone changed the service outside).</summary>
    Superseded,
}
