using EcsOperator.Api.Services;
using EcsOperator.Aws.Model.Ecs;
using EcsOperator.Core.Arns;

namespace EcsOperator.Core.Services;

/// <summary>
/// Reads a described service's deployments the way the ECS console does: the deployment of the spec's task
/// definition is tracked through rolloutState (IN_PROGRESS, COMPLETED, FAILED); where ECS reports no rolloutState
/// (external or CodeDeploy controllers, classic load balancers) a single deployment running its desired count is
/// complete.
/// </summary>
public static class RolloutObserver
{
    /// <param name="live">The service as DescribeServices returned it.</param>
    /// <param name="desiredTaskDefinition">The task definition the spec wants (ARN or family:revision).</param>
    /// <param name="previous">The rollout recorded in status, which remembers a failure after ECS has dropped the failed deployment.</param>
    public static RolloutObservation Observe(Service live, string desiredTaskDefinition, RolloutStatus? previous)
    {
        var deployments = live.Deployments ?? [];
        var wanted = EcsNames.TaskDefinitionFamilyRevision(desiredTaskDefinition);
        var primary = deployments.FirstOrDefault(d => d.Status == "PRIMARY");
        var target = deployments
            .Where(d => d.TaskDefinition is not null && EcsNames.TaskDefinitionFamilyRevision(d.TaskDefinition) == wanted)
            .OrderByDescending(d => d.CreatedAt ?? DateTimeOffset.MinValue)
            .FirstOrDefault();
        var summaries = deployments.Select(Summary).ToList();

        if (target is null)
        {
            if (previous is { State: "FAILED" } && previous.TaskDefinitionArn is not null
                && EcsNames.TaskDefinitionFamilyRevision(previous.TaskDefinitionArn) == wanted)
            {
                return new RolloutObservation(RolloutPhase.Failed, previous, summaries,
                    $"deployment of {wanted} failed and was rolled back: {previous.Reason}", RolledBack: true);
            }

            // Last seen in progress and now gone while the service runs something else: ECS failed it and rolled back
            // (and already drained it) between two looks. Taking it for "not started" would push the revision again.
            if (previous is { State: "IN_PROGRESS", DeploymentId: not null, TaskDefinitionArn: not null }
                && EcsNames.TaskDefinitionFamilyRevision(previous.TaskDefinitionArn) == wanted
                && deployments.All(d => d.Id != previous.DeploymentId))
            {
                var reason = primary?.RolloutStateReason ?? $"deployment {previous.DeploymentId} is no longer listed";
                var gone = previous with { State = "FAILED", Reason = reason, FinishedAt = primary?.CreatedAt };
                return new RolloutObservation(RolloutPhase.Failed, gone, summaries,
                    $"deployment {previous.DeploymentId} of {wanted} ended without completing and the service runs {Short(primary?.TaskDefinition)}: {reason}",
                    RolledBack: true);
            }

            return new RolloutObservation(RolloutPhase.NotStarted, Rollout(primary), summaries,
                $"service runs {Short(primary?.TaskDefinition)}; {wanted} not deployed yet", RolledBack: false);
        }

        var rollout = Rollout(target);
        var progress = $"{target.RunningCount ?? 0} of {target.DesiredCount ?? 0} tasks running, {target.PendingCount ?? 0} pending, {target.FailedTasks ?? 0} failed";
        if (target.RolloutState == "FAILED")
        {
            var rolledBack = primary is not null && !ReferenceEquals(primary, target);
            return new RolloutObservation(RolloutPhase.Failed, rollout, summaries,
                $"deployment {target.Id} of {wanted} failed{(rolledBack ? $" and ECS rolled back to {Short(primary!.TaskDefinition)}" : string.Empty)}: {target.RolloutStateReason ?? "no reason given"}",
                rolledBack);
        }

        if (!ReferenceEquals(primary, target))
        {
            return new RolloutObservation(RolloutPhase.Superseded, rollout, summaries,
                $"deployment {target.Id} of {wanted} was replaced by a deployment of {Short(primary?.TaskDefinition)}", RolledBack: false);
        }

        var complete = target.RolloutState switch
        {
            "COMPLETED" => live.RunningCount == live.DesiredCount,
            null => deployments.Count == 1 && target.RunningCount == target.DesiredCount && (target.PendingCount ?? 0) == 0,
            _ => false,
        };
        return complete
            ? new RolloutObservation(RolloutPhase.Completed, rollout with { FinishedAt = rollout.FinishedAt ?? target.UpdatedAt }, summaries,
                $"{wanted} running {live.RunningCount ?? 0} of {live.DesiredCount ?? 0} tasks", RolledBack: false)
            : new RolloutObservation(RolloutPhase.InProgress, rollout, summaries,
                target.RolloutState == "COMPLETED"
                    ? $"scaling {wanted} to {live.DesiredCount ?? 0} tasks: {live.RunningCount ?? 0} running, {live.PendingCount ?? 0} pending"
                    : $"rolling out {wanted}: {progress}",
                RolledBack: false);
    }

    private static RolloutStatus Rollout(Deployment? deployment) => deployment is null
        ? new RolloutStatus()
        : new RolloutStatus
        {
            DeploymentId = deployment.Id,
            State = deployment.RolloutState,
            Progress = deployment.RolloutState,
            Reason = deployment.RolloutStateReason,
            TaskDefinitionArn = deployment.TaskDefinition,
            DesiredCount = deployment.DesiredCount,
            RunningCount = deployment.RunningCount,
            PendingCount = deployment.PendingCount,
            FailedTasks = deployment.FailedTasks,
            StartedAt = deployment.CreatedAt,
            FinishedAt = deployment.RolloutState is "COMPLETED" or "FAILED" ? deployment.UpdatedAt : null,
        };

    private static DeploymentSummary Summary(Deployment deployment) => new()
    {
        Id = deployment.Id ?? string.Empty,
        Status = deployment.Status,
        TaskDefinitionArn = deployment.TaskDefinition,
        RolloutState = deployment.RolloutState,
        DesiredCount = deployment.DesiredCount,
        RunningCount = deployment.RunningCount,
        PendingCount = deployment.PendingCount,
        FailedTasks = deployment.FailedTasks,
        CreatedAt = deployment.CreatedAt,
        UpdatedAt = deployment.UpdatedAt,
    };

    private static string Short(string? taskDefinition) =>
        taskDefinition is null ? "no task definition" : EcsNames.TaskDefinitionFamilyRevision(taskDefinition);
}
