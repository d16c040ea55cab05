using EcsOperator.Api.Services;
using EcsOperator.Api.Shared;
using EcsOperator.Aws.Model.Ecs;
using EcsOperator.Core.Arns;
using EcsOperator.Core.Conditions;

namespace EcsOperator.Core.Services;

/// <summary>The status fields and reconcile state of an EcsService, read off its described service.</summary>
public static class ServiceStatusCalculator
{
    /// <summary>
    /// Status fields from the live service: identity, counts, rollout and a short deployments list. Conditions,
    /// drift and auto scaling are set by the reconciler, which knows what it did.
    /// </summary>
    public static EcsServiceStatus Observe(EcsServiceStatus? previous, Service live, RolloutObservation rollout) =>
        (previous ?? new EcsServiceStatus()) with
        {
            ServiceArn = live.ServiceArn,
            ServiceName = live.ServiceName,
            ClusterArn = live.ClusterArn,
            ClusterName = live.ClusterArn is null ? null : EcsNames.ClusterName(live.ClusterArn),
            TaskDefinitionArn = live.TaskDefinition,
            DesiredCount = live.DesiredCount,
            RunningCount = live.RunningCount,
            PendingCount = live.PendingCount,
            Rollout = rollout.Rollout,
            Deployments = rollout.Deployments,
        };

    /// <summary>
    /// The reconcile state the live service puts the object in: DRAINING/INACTIVE while deleting, Ready once the
    /// rollout completed, Stalled when it failed, progressing otherwise (reason TasksNotPlaced while ECS reports that it
    /// cannot place the newest deployment's tasks, with ECS's reason).
    /// </summary>
    public static ReconcileState State(Service live, RolloutObservation rollout) => live.Status switch
    {
        ServiceStatusValue.Draining => new ReconcileState.Deleting($"service {live.ServiceName} is draining: {live.RunningCount ?? 0} tasks still running"),
        ServiceStatusValue.Inactive => new ReconcileState.Progressing(ConditionReasons.Creating, $"service {live.ServiceName} is INACTIVE and will be created again"),
        _ => rollout.Phase switch
        {
            RolloutPhase.Completed => new ReconcileState.Ready(rollout.Message),
            RolloutPhase.InProgress => PlacementObserver.Observe(live) is { } notPlaced
                ? new ReconcileState.Progressing(ConditionReasons.TasksNotPlaced, $"{Sentence(rollout.Message)} {notPlaced.Message}")
                : new ReconcileState.Progressing(ConditionReasons.RolloutInProgress, rollout.Message),
            RolloutPhase.Failed => new ReconcileState.Stalled(ConditionReasons.RolloutFailed,
                $"{Sentence(rollout.Message)} Fix the task definition (image, command, health check) or the service and apply again"),
            _ => new ReconcileState.Progressing(ConditionReasons.Updating, rollout.Message),
        },
    };

    /// <summary>A message ended by exactly one period: ECS's own reasons (rolloutStateReason) already end in one.</summary>
    private static string Sentence(string message) => message.EndsWith('.') ? message : message + ".";
}
