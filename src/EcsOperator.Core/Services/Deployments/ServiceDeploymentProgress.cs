using System.Globalization;
using EcsOperator.Api.Services;
using EcsOperator.Api.Shared;
using EcsOperator.Aws.Model.Ecs;
using EcsOperator.Core.Conditions;

namespace EcsOperator.Core.Services.Deployments;

/// <summary>
/// Maps a service deployment (DescribeServiceDeployments) of a BLUE_GREEN, LINEAR or CANARY service onto
/// status.rollout and a reconcile state: every stage before CLEAN_UP finished is Progressing (so Argo CD shows
/// Progressing during BAKE_TIME), SUCCESSFUL is Ready, a rollback or a stop is Stalled RolloutFailed.
/// </summary>
public static class ServiceDeploymentProgress
{
    /// <summary>The stages in the order ECS walks them.</summary>
    public static IReadOnlyList<string> Stages { get; } =
    [
        ServiceDeploymentLifecycleStage.ReconcileService, ServiceDeploymentLifecycleStage.PreScaleUp, ServiceDeploymentLifecycleStage.ScaleUp,
        ServiceDeploymentLifecycleStage.PostScaleUp, ServiceDeploymentLifecycleStage.TestTrafficShift, ServiceDeploymentLifecycleStage.PostTestTrafficShift,
        ServiceDeploymentLifecycleStage.ProductionTrafficShift, ServiceDeploymentLifecycleStage.PostProductionTrafficShift,
        ServiceDeploymentLifecycleStage.BakeTime, ServiceDeploymentLifecycleStage.CleanUp,
    ];

    /// <summary>True for the strategies that shift traffic between two revisions (and report stages and weights).</summary>
    public static bool ShiftsTraffic(string? strategy) =>
        strategy is DeploymentStrategy.BlueGreen or DeploymentStrategy.Linear or DeploymentStrategy.Canary;

    /// <param name="deployment">The newest service deployment (ListServiceDeployments lists newest first), described.</param>
    /// <param name="previous">status.rollout as last written: keeps bakeUntil steady and rolledBackBy across observations.</param>
    public static ServiceDeploymentObservation Observe(ServiceDeployment deployment, RolloutStatus? previous)
    {
        ArgumentNullException.ThrowIfNull(deployment);
        var strategy = deployment.DeploymentConfiguration?.Strategy ?? DeploymentStrategy.Rolling;
        var stage = deployment.LifecycleStage;
        var production = deployment.TargetServiceRevision?.RequestedProductionTrafficWeight;
        var test = deployment.TargetServiceRevision?.RequestedTestTrafficWeight;
        var sameDeployment = previous?.DeploymentArn == deployment.ServiceDeploymentArn;

        var rollout = (previous ?? new RolloutStatus()) with
        {
            Strategy = strategy,
            Stage = stage,
            DeploymentStatus = deployment.Status,
            DeploymentArn = deployment.ServiceDeploymentArn,
            ProductionTrafficPercent = production,
            TestTrafficPercent = test,
            BakeUntil = BakeUntil(deployment, sameDeployment ? previous : null),
            Progress = Progress(strategy, stage, deployment.Status, production),
        };

        var stageEvent = sameDeployment && previous!.Stage == stage && previous.ProductionTrafficPercent == production
            ? null
            : StageNote(deployment, stage, production, test, rollout.BakeUntil);
        return new ServiceDeploymentObservation(rollout, State(deployment, rollout), ShiftsTraffic(strategy) ? stageEvent : null);
    }

    /// <summary>"BAKE_TIME 100%" for traffic-shifting deployments while they run; the status once they ended.</summary>
    public static string Progress(string strategy, string? stage, string? status, double? production)
    {
        if (!ShiftsTraffic(strategy) || status is not (ServiceDeploymentStatus.Pending or ServiceDeploymentStatus.InProgress))
            return status ?? string.Empty;
        return $"{stage ?? status} {Percent(production ?? 0)}";
    }

    /// <summary>
    /// ECS reports no bake end; the stage was entered at the deployment's last update, so the end is that plus
    /// bakeTimeInMinutes. Once computed for a deployment it is kept, so later updates do not move it.
    /// </summary>
    private static DateTimeOffset? BakeUntil(ServiceDeployment deployment, RolloutStatus? previous)
    {
        if (deployment.LifecycleStage != ServiceDeploymentLifecycleStage.BakeTime)
            return deployment.LifecycleStage == ServiceDeploymentLifecycleStage.CleanUp ? previous?.BakeUntil : null;
        if (previous is { Stage: ServiceDeploymentLifecycleStage.BakeTime, BakeUntil: { } kept })
            return kept;
        var entered = deployment.UpdatedAt ?? deployment.StartedAt ?? deployment.CreatedAt;
        return entered?.AddMinutes(deployment.DeploymentConfiguration?.BakeTimeInMinutes ?? 0);
    }

    private static ReconcileState State(ServiceDeployment deployment, RolloutStatus rollout)
    {
        var what = $"service deployment {Id(deployment.ServiceDeploymentArn)} ({rollout.Strategy})";
        return deployment.Status switch
        {
            ServiceDeploymentStatus.Successful => new ReconcileState.Ready($"{what} completed"),
            ServiceDeploymentStatus.RollbackSuccessful or ServiceDeploymentStatus.RollbackFailed or ServiceDeploymentStatus.Stopped =>
                new ReconcileState.Stalled(ConditionReasons.RolloutFailed,
                    $"{what} ended {deployment.Status}: {deployment.Rollback?.Reason ?? deployment.StatusReason ?? "no reason given"}. Fix the revision (or the failing lifecycle hook) and apply a new spec"),
            ServiceDeploymentStatus.RollbackRequested or ServiceDeploymentStatus.RollbackInProgress =>
                new ReconcileState.Progressing(ConditionReasons.RolloutInProgress,
                    $"{what} is rolling back: {deployment.Rollback?.Reason ?? deployment.StatusReason ?? "rollback requested"}"),
            _ => new ReconcileState.Progressing(ConditionReasons.RolloutInProgress, $"{what} {Describe(rollout)}"),
        };
    }

    private static string Describe(RolloutStatus rollout) => rollout.Stage switch
    {
        ServiceDeploymentLifecycleStage.BakeTime when rollout.BakeUntil is { } until =>
            $"is baking with {Percent(rollout.ProductionTrafficPercent ?? 0)} of production traffic on the new revision until {until.UtcDateTime.ToString("u", CultureInfo.InvariantCulture)}; the old revision keeps running until then",
        null => "has started",
        var stage => $"is at {stage}: {Percent(rollout.ProductionTrafficPercent ?? 0)} production, {Percent(rollout.TestTrafficPercent ?? 0)} test traffic on the new revision",
    };

    private static string StageNote(ServiceDeployment deployment, string? stage, double? production, double? test, DateTimeOffset? bakeUntil) =>
        stage == ServiceDeploymentLifecycleStage.BakeTime && bakeUntil is { } until
            ? $"Service deployment {Id(deployment.ServiceDeploymentArn)} entered BAKE_TIME with {Percent(production ?? 0)} of production traffic on the new revision, baking until {until.UtcDateTime.ToString("u", CultureInfo.InvariantCulture)}"
            : $"Service deployment {Id(deployment.ServiceDeploymentArn)} at {stage ?? "(no stage)"}: {Percent(production ?? 0)} production, {Percent(test ?? 0)} test traffic on the new revision";

    /// <summary>The id ECS gives a service deployment: the last part of its ARN.</summary>
    public static string Id(string? serviceDeploymentArn) =>
        serviceDeploymentArn is null ? "(unknown)" : serviceDeploymentArn[(serviceDeploymentArn.LastIndexOf('/') + 1)..];

    private static string Percent(double value) => value.ToString("0.#", CultureInfo.InvariantCulture) + "%";
}
