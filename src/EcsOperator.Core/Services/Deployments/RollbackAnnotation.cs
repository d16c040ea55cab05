using EcsOperator.Api;
using EcsOperator.Api.Services;
using EcsOperator.Aws.Model.Ecs;

namespace EcsOperator.Core.Services.Deployments;

/// <summary>
/// Turns <c>ecs.operator.dev/rollback=&lt;deployment-id&gt;</c> into at most one StopServiceDeployment ROLLBACK per
/// deployment id. The operator writes neither spec nor metadata for it: what it did is recorded in status.rollout.
/// </summary>
public static class RollbackAnnotation
{
    /// <param name="annotations">The object's metadata.annotations.</param>
    /// <param name="rollout">status.rollout as last written (the followed deployment and what was already rolled back).</param>
    public static RollbackDecision Decide(IReadOnlyDictionary<string, string>? annotations, RolloutStatus? rollout)
    {
        if (annotations is null || !annotations.TryGetValue(ApiGroup.RollbackAnnotation, out var value) || string.IsNullOrWhiteSpace(value))
            return new RollbackDecision.None();

        // The id is the last part of the service deployment ARN; the whole ARN is accepted too.
        var id = ServiceDeploymentProgress.Id(value.Trim());
        if (rollout?.RolledBackBy == id)
            return new RollbackDecision.None();

        if (rollout?.DeploymentArn is not { } arn || ServiceDeploymentProgress.Id(arn) != id)
        {
            var current = rollout?.DeploymentArn is null ? "no service deployment is being followed" : $"the current service deployment is {ServiceDeploymentProgress.Id(rollout.DeploymentArn)}";
            return new RollbackDecision.Ignore(id, $"{ApiGroup.RollbackAnnotation}={id} names no deployment this service is running: {current}. Set the annotation to the current deployment id (status.rollout.deploymentArn, last part) to roll it back");
        }

        if (rollout.DeploymentStatus is not (ServiceDeploymentStatus.Pending or ServiceDeploymentStatus.InProgress))
        {
            return new RollbackDecision.Ignore(id, $"service deployment {id} is {rollout.DeploymentStatus ?? "finished"}, so there is nothing to roll back. To go back to the previous revision, apply the previous spec");
        }

        return new RollbackDecision.Stop(arn, id);
    }

    /// <summary>The StopServiceDeployment request for a <see cref="RollbackDecision.Stop"/>.</summary>
    public static StopServiceDeploymentRequest Request(RollbackDecision.Stop stop)
    {
        ArgumentNullException.ThrowIfNull(stop);
        return new StopServiceDeploymentRequest { ServiceDeploymentArn = stop.DeploymentArn, StopType = StopServiceDeploymentStopType.Rollback };
    }

    /// <summary>status.rollout after a successful StopServiceDeployment: the id and generation it rolled back.</summary>
    public static RolloutStatus Record(RolloutStatus rollout, RollbackDecision.Stop stop, long generation)
    {
        ArgumentNullException.ThrowIfNull(rollout);
        ArgumentNullException.ThrowIfNull(stop);
        return rollout with { RolledBackBy = stop.DeploymentId, RolledBackGeneration = generation };
    }

    /// <summary>
    /// True while the generation the annotation rolled back is still the object's generation: the reconciler must not
    /// UpdateService to that generation's revision again (the user changes the spec, which bumps the generation).
    /// </summary>
    public static bool HoldsRevision(RolloutStatus? rollout, long generation) =>
        rollout is { RolledBackBy: not null, RolledBackGeneration: { } held } && held == generation;
}
