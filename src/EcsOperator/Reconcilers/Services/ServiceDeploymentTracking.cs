using EcsOperator.Api;
using EcsOperator.Api.Services;
using EcsOperator.Api.Shared;
using EcsOperator.Aws.Ecs;
using EcsOperator.Aws.Model.Ecs;
using EcsOperator.Core.Arns;
using EcsOperator.Core.Conditions;
using EcsOperator.Core.Services.Deployments;
using EcsOperator.Kubernetes.Model;
using EcsOperator.Reconcilers.Managed;

namespace EcsOperator.Reconcilers.Services;

/// <summary>
/// Following native BLUE_GREEN, LINEAR and CANARY service deployments for <see cref="ServiceExternalClient"/>: the
/// newest service deployment (ListServiceDeployments, DescribeServiceDeployments) read into status.rollout, the
/// ecs.operator.dev/rollback annotation turned into one StopServiceDeployment per deployment id, and the hold that
/// keeps a rolled-back revision from being pushed again in its generation. A ROLLING service costs no call here.
/// </summary>
public static class ServiceDeploymentTracking
{
    private static readonly string[] Running =
        [
            ServiceDeploymentStatus.Pending, ServiceDeploymentStatus.InProgress, ServiceDeploymentStatus.StopRequested,
            ServiceDeploymentStatus.RollbackRequested, ServiceDeploymentStatus.RollbackInProgress,
        ];

    /// <summary>Whether the service's deployments are followed: it shifts traffic now, or status still follows one it did.</summary>
    public static bool Follows(Service live, RolloutStatus? recorded) =>
        ServiceDeploymentProgress.ShiftsTraffic(live.DeploymentConfiguration?.Strategy) || recorded?.DeploymentArn is not null;

    /// <summary>
    /// The deployment status recorded as SUCCESSFUL is still the service's only deployment: nothing to ask ECS. It is
    /// replayed from status, so a settled blue/green service costs no more per resync than a rolling one.
    /// </summary>
    public static ServiceDeployment? Settled(Service live, RolloutStatus? recorded)
    {
        ArgumentNullException.ThrowIfNull(live);
        if (recorded is not { DeploymentStatus: ServiceDeploymentStatus.Successful, DeploymentArn: { } arn, DeploymentId: { } id }
            || live.Deployments is not [{ RolloutState: "COMPLETED" } only] || only.Id != id
            || live.DeploymentConfiguration?.Strategy != recorded.Strategy)
        {
            return null;
        }

        return new ServiceDeployment
        {
            ServiceDeploymentArn = arn,
            Status = ServiceDeploymentStatus.Successful,
            LifecycleStage = recorded.Stage,
            DeploymentConfiguration = new DeploymentConfiguration { Strategy = recorded.Strategy },
            TargetServiceRevision = new ServiceRevisionSummary
            {
                RequestedProductionTrafficWeight = recorded.ProductionTrafficPercent,
                RequestedTestTrafficWeight = recorded.TestTrafficPercent,
            },
        };
    }

    /// <summary>The newest service deployment of the service, described; null when ECS lists none.</summary>
    public static async Task<ServiceDeployment?> NewestAsync(IEcsApi ecs, string cluster, string service, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ecs);
        var listed = await ecs.ListServiceDeploymentsAsync(new ListServiceDeploymentsRequest { Cluster = cluster, Service = service, MaxResults = 1 }, cancellationToken);
        if (listed.ServiceDeployments?.FirstOrDefault()?.ServiceDeploymentArn is not { } arn)
            return null;
        var described = await ecs.DescribeServiceDeploymentsAsync(new DescribeServiceDeploymentsRequest { ServiceDeploymentArns = [arn] }, cancellationToken);
        return described.ServiceDeployments?.FirstOrDefault(d => d.ServiceDeploymentArn == arn);
    }

    /// <summary>
    /// The observation of a traffic-shifting deployment; null when the newest one is ROLLING (status then drops the
    /// service-deployment fields and the rolling rollout is read from DescribeServices alone, at no further cost).
    /// </summary>
    public static ServiceDeploymentObservation? Observe(ServiceDeployment? deployment, RolloutStatus? recorded) =>
        deployment is not null && ServiceDeploymentProgress.ShiftsTraffic(deployment.DeploymentConfiguration?.Strategy)
            ? ServiceDeploymentProgress.Observe(deployment, recorded)
            : null;

    /// <summary>
    /// status.rollout: what DescribeServices says of the deployment (ids, counts, rolloutState, which the failure and
    /// hold logic read) with the service-deployment fields over it, and what the annotation rolled back, kept.
    /// </summary>
    public static RolloutStatus Merge(RolloutStatus rolling, ServiceDeploymentObservation? followed, RolloutStatus? recorded)
    {
        ArgumentNullException.ThrowIfNull(rolling);
        var merged = followed?.Rollout is { } sd
            ? rolling with
            {
                Progress = sd.Progress,
                Strategy = sd.Strategy,
                Stage = sd.Stage,
                DeploymentStatus = sd.DeploymentStatus,
                DeploymentArn = sd.DeploymentArn,
                ProductionTrafficPercent = sd.ProductionTrafficPercent,
                TestTrafficPercent = sd.TestTrafficPercent,
                BakeUntil = sd.BakeUntil,
            }
            : rolling;
        return merged with { RolledBackBy = recorded?.RolledBackBy, RolledBackGeneration = recorded?.RolledBackGeneration };
    }

    /// <summary>Whether the followed deployment still moves (so the object is looked at again soon).</summary>
    public static bool StillMoving(RolloutStatus? rollout) => rollout?.DeploymentStatus is { } status && Running.Contains(status);

    /// <summary>
    /// When to look again while a deployment moves: at the end of BAKE_TIME when that is further away than the
    /// recheck interval (nothing changes before it), else every recheck interval.
    /// </summary>
    public static TimeSpan Recheck(RolloutStatus? rollout, TimeSpan interval, DateTimeOffset now) =>
        rollout is { Stage: ServiceDeploymentLifecycleStage.BakeTime, BakeUntil: { } until } && until - now > interval ? until - now : interval;

    /// <summary>
    /// True while the generation's rollout is being rolled back (by ECS after a failed hook, or by the annotation):
    /// its revision must not be pushed again meanwhile (status says Progressing, not yet Stalled).
    /// </summary>
    public static bool RollingBackThisGeneration(EcsService obj) =>
        obj.Status is { } status && status.ObservedGeneration == obj.Metadata.Generation
        && status.Rollout?.DeploymentStatus is ServiceDeploymentStatus.RollbackRequested or ServiceDeploymentStatus.RollbackInProgress;

    /// <summary>The state while the annotation's rollback holds the generation's revision back.</summary>
    public static ReconcileState.Stalled Held(RolloutStatus rollout, long generation, string? running) =>
        new(ConditionReasons.RolledBackByAnnotation,
            $"service deployment {rollout.RolledBackBy} was rolled back by the {ApiGroup.RollbackAnnotation} annotation"
            + $"{(StillMoving(rollout) ? " (rollback in progress)" : string.Empty)}; the service runs {Short(running)}. "
            + $"The revision of generation {generation} is not pushed again: change the spec (for example a new task definition revision) to roll out again");

    /// <summary>The RolloutStage event for a stage or traffic change, if any.</summary>
    public static PendingEvent? StageEvent(ServiceDeploymentObservation? followed) =>
        followed?.StageEvent is { } note ? new PendingEvent(Event.NormalType, EventReasons.RolloutStage, "DescribeServiceDeployments", note) : null;

    private static string Short(string? taskDefinition) =>
        taskDefinition is null ? "no task definition" : EcsNames.TaskDefinitionFamilyRevision(taskDefinition);
}
