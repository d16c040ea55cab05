using EcsOperator.Api.Services;
using EcsOperator.Api.Shared;
using EcsOperator.Aws.Model.Ecs;
using EcsOperator.Core.Conditions;
using EcsOperator.Core.Services.Deployments;

namespace EcsOperator.Core.Tests.Services.Deployments;

public sealed class ServiceDeploymentProgressTests
{
    internal const string Arn = "arn:aws:ecs:eu-west-1:123456789012:service-deployment/prod/web/r9i43YFjvgF_xlg7m2eJ1r";
    private static readonly DateTimeOffset T0 = new(2026, 12, 5, 9, 0, 0, TimeSpan.Zero);

    internal static ServiceDeployment Deployment(string strategy, string stage, double production, double test = 100, string status = "IN_PROGRESS", int bake = 10, DateTimeOffset? updated = null) => new()
    {
        ServiceDeploymentArn = Arn,
        Status = status,
        LifecycleStage = stage,
        CreatedAt = T0,
        StartedAt = T0,
        UpdatedAt = updated ?? T0.AddMinutes(3),
        DeploymentConfiguration = new DeploymentConfiguration { Strategy = strategy, BakeTimeInMinutes = bake },
        TargetServiceRevision = new ServiceRevisionSummary { Arn = "rev-2", RequestedProductionTrafficWeight = production, RequestedTestTrafficWeight = test },
        SourceServiceRevisions = [new ServiceRevisionSummary { Arn = "rev-1", RequestedProductionTrafficWeight = 100 - production }],
    };

    [Fact]
    public void Bake_time_is_progressing_with_the_stage_and_traffic_in_the_rollout_column_and_a_bake_end()
    {
        var observed = ServiceDeploymentProgress.Observe(Deployment("BLUE_GREEN", "BAKE_TIME", 100), previous: null);

        Assert.Equal("BAKE_TIME 100%", observed.Rollout.Progress);
        Assert.Equal(("BLUE_GREEN", "BAKE_TIME", 100.0, 100.0), (observed.Rollout.Strategy, observed.Rollout.Stage, observed.Rollout.ProductionTrafficPercent, observed.Rollout.TestTrafficPercent));
        Assert.Equal(T0.AddMinutes(13), observed.Rollout.BakeUntil);
        Assert.Equal(Arn, observed.Rollout.DeploymentArn);
        var progressing = Assert.IsType<ReconcileState.Progressing>(observed.State);
        Assert.Equal(ConditionReasons.RolloutInProgress, progressing.Reason);
        Assert.Contains("baking", progressing.Message, StringComparison.Ordinal);
        Assert.Contains("BAKE_TIME", observed.StageEvent, StringComparison.Ordinal);
    }

    [Fact]
    public void The_bake_end_does_not_move_when_ecs_updates_the_deployment_again_during_the_bake()
    {
        var first = ServiceDeploymentProgress.Observe(Deployment("BLUE_GREEN", "BAKE_TIME", 100), null);
        var later = ServiceDeploymentProgress.Observe(Deployment("BLUE_GREEN", "BAKE_TIME", 100, updated: T0.AddMinutes(8)), first.Rollout);

        Assert.Equal(first.Rollout.BakeUntil, later.Rollout.BakeUntil);
        Assert.Null(later.StageEvent);
    }

    [Fact]
    public void Each_canary_or_linear_step_is_a_new_event_with_its_percentage()
    {
        var canary = ServiceDeploymentProgress.Observe(Deployment("CANARY", "PRODUCTION_TRAFFIC_SHIFT", 10), null);
        var rest = ServiceDeploymentProgress.Observe(Deployment("CANARY", "PRODUCTION_TRAFFIC_SHIFT", 100), canary.Rollout);
        var linear = ServiceDeploymentProgress.Observe(Deployment("LINEAR", "PRODUCTION_TRAFFIC_SHIFT", 33.3), null);

        Assert.Equal("PRODUCTION_TRAFFIC_SHIFT 10%", canary.Rollout.Progress);
        Assert.Contains("10% production", canary.StageEvent, StringComparison.Ordinal);
        Assert.Contains("100% production", rest.StageEvent, StringComparison.Ordinal);
        Assert.Equal("PRODUCTION_TRAFFIC_SHIFT 33.3%", linear.Rollout.Progress);
        Assert.Null(linear.Rollout.BakeUntil);
    }

    [Fact]
    public void Success_is_ready_and_a_rollback_is_stalled_with_the_reason()
    {
        var done = ServiceDeploymentProgress.Observe(Deployment("LINEAR", "CLEAN_UP", 100, status: "SUCCESSFUL"), null);
        var rolledBack = ServiceDeploymentProgress.Observe(
            Deployment("LINEAR", "POST_PRODUCTION_TRAFFIC_SHIFT", 0, status: "ROLLBACK_SUCCESSFUL") with
            {
                Rollback = new Rollback { Reason = "lifecycle hook verify failed", ServiceRevisionArn = "rev-1" },
            },
            null);
        var rollingBack = ServiceDeploymentProgress.Observe(Deployment("CANARY", "PRODUCTION_TRAFFIC_SHIFT", 0, status: "ROLLBACK_IN_PROGRESS"), null);

        Assert.IsType<ReconcileState.Ready>(done.State);
        Assert.Equal("SUCCESSFUL", done.Rollout.Progress);
        var stalled = Assert.IsType<ReconcileState.Stalled>(rolledBack.State);
        Assert.Equal(ConditionReasons.RolloutFailed, stalled.Reason);
        Assert.Contains("lifecycle hook verify failed", stalled.Message, StringComparison.Ordinal);
        Assert.Equal("ROLLBACK_SUCCESSFUL", rolledBack.Rollout.Progress);
        Assert.IsType<ReconcileState.Progressing>(rollingBack.State);
        Assert.Equal("ROLLBACK_IN_PROGRESS", rollingBack.Rollout.Progress);
    }

    [Fact]
    public void A_rolling_deployment_keeps_its_state_in_the_rollout_column_and_records_no_stage_events()
    {
        var rolling = ServiceDeploymentProgress.Observe(Deployment("ROLLING", "RECONCILE_SERVICE", 0) with
        {
            TargetServiceRevision = new ServiceRevisionSummary { Arn = "rev-2" },
        }, null);

        Assert.Equal("IN_PROGRESS", rolling.Rollout.Progress);
        Assert.Null(rolling.StageEvent);
    }

    [Fact]
    public void What_the_annotation_rolled_back_survives_later_observations()
    {
        var previous = new RolloutStatus { DeploymentArn = Arn, RolledBackBy = "r9i43YFjvgF_xlg7m2eJ1r", RolledBackGeneration = 4 };

        var observed = ServiceDeploymentProgress.Observe(Deployment("CANARY", "PRODUCTION_TRAFFIC_SHIFT", 0, status: "ROLLBACK_IN_PROGRESS"), previous);

        Assert.Equal(("r9i43YFjvgF_xlg7m2eJ1r", 4L), (observed.Rollout.RolledBackBy, observed.Rollout.RolledBackGeneration));
    }
}
