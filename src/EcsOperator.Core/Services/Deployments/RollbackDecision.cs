namespace EcsOperator.Core.Services.Deployments;

/// <summary>What the ecs.operator.dev/rollback annotation asks of the reconciler.</summary>
public abstract record RollbackDecision
{
    /// <summary>No annotation, or it names the deployment already rolled back (recorded in status): do nothing.</summary>
    public sealed record None : RollbackDecision;

    /// <summary>
    /// Call StopServiceDeployment(<paramref name="DeploymentArn"/>, ROLLBACK), then record <paramref name="DeploymentId"/>
    /// in status.rollout.rolledBackBy (and the generation in rolledBackGeneration) in the same status write.
    /// </summary>
    public sealed record Stop(string DeploymentArn, string DeploymentId) : RollbackDecision;

    /// <summary>The annotation cannot be acted on (names another deployment, or one already finished): warn once, do nothing.</summary>
    public sealed record Ignore(string DeploymentId, string Message) : RollbackDecision;
}
