using System.Text.Json;
using EcsOperator.Api.Services;
using EcsOperator.Api.Shared;
using EcsOperator.Aws.Model.Ecs;
using EcsOperator.Core.Conditions;
using EcsOperator.Core.Services;
using EcsOperator.Kubernetes.Model;

namespace EcsOperator.Core.Tests.Services;

/// <summary>Status and conditions computed from DescribeServices payloads in the shape ECS returns them.</summary>
public sealed class ServiceStatusTests
{
    private const string Revision4 = "arn:aws:ecs:eu-west-1:123456789012:task-definition/shop-web:4";
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);

    private static Service Load(string name)
    {
        var json = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Services", "Payloads", name + ".json"));
        return Assert.Single(JsonSerializer.Deserialize(json, EcsJsonContext.Default.DescribeServicesResponse)!.Services!);
    }

    private static (RolloutObservation Rollout, IReadOnlyList<Condition> Conditions, EcsServiceStatus Status) Compute(string payload, RolloutStatus? previous = null)
    {
        var live = Load(payload);
        var rollout = RolloutObserver.Observe(live, Revision4, previous);
        var status = ServiceStatusCalculator.Observe(null, live, rollout);
        var conditions = ConditionsCalculator.Compute(null, ServiceStatusCalculator.State(live, rollout), drift: null, generation: 7, Now);
        return (rollout, conditions, status);
    }

    private static Condition Get(IReadOnlyList<Condition> conditions, string type) => Assert.Single(conditions, c => c.Type == type);

    [Fact]
    public void In_progress_rollout_is_reconciling_and_not_ready_with_progress_in_the_message()
    {
        var (rollout, conditions, status) = Compute("in-progress");
        Assert.Equal(RolloutPhase.InProgress, rollout.Phase);
        Assert.Equal((ConditionStatus.False, ConditionReasons.RolloutInProgress), (Get(conditions, "Ready").Status, Get(conditions, "Ready").Reason));
        Assert.Equal(ConditionReasons.RolloutInProgress, Get(conditions, "Reconciling").Reason);
        Assert.Contains("1 of 3 tasks running, 1 pending, 0 failed", Get(conditions, "Ready").Message, StringComparison.Ordinal);
        Assert.DoesNotContain(conditions, c => c.Type == "Stalled");
        Assert.Equal(("ecs-svc/4497373810936254932", "IN_PROGRESS"), (status.Rollout!.DeploymentId, status.Rollout.State));
        Assert.Equal(new DateTimeOffset(2026, 11, 22, 10, 0, 0, 123, TimeSpan.Zero), status.Rollout.StartedAt);
        Assert.Equal(2, status.Deployments!.Count);
        Assert.Equal((3, 4, 1), (status.DesiredCount, status.RunningCount, status.PendingCount));
        Assert.All(conditions, c => Assert.Equal(7, c.ObservedGeneration));
    }

    [Fact]
    public void Completed_rollout_running_the_desired_count_is_ready()
    {
        var (rollout, conditions, status) = Compute("completed");
        Assert.Equal(RolloutPhase.Completed, rollout.Phase);
        var ready = Get(conditions, "Ready");
        Assert.Equal((ConditionStatus.True, ConditionReasons.Available), (ready.Status, ready.Reason));
        Assert.Equal(["Ready"], conditions.Select(c => c.Type));
        Assert.NotNull(status.Rollout!.FinishedAt);
        Assert.Equal("prod", status.ClusterName);
    }

    [Fact]
    public void Circuit_breaker_failure_with_rollback_stalls_with_the_reason()
    {
        var (rollout, conditions, _) = Compute("failed-rolled-back");
        Assert.Equal(RolloutPhase.Failed, rollout.Phase);
        Assert.True(rollout.RolledBack);
        var stalled = Get(conditions, "Stalled");
        Assert.Equal((ConditionStatus.True, ConditionReasons.RolloutFailed), (stalled.Status, stalled.Reason));
        Assert.Equal("deployment ecs-svc/4497373810936254932 of shop-web:4 failed and ECS rolled back to shop-web:3: ECS deployment circuit breaker: "
            + "tasks failed to start. Fix the task definition (image, command, health check) or the service and apply again", stalled.Message);
        Assert.Equal(ConditionReasons.RolloutFailed, Get(conditions, "Ready").Reason);
        Assert.DoesNotContain(conditions, c => c.Type == "Reconciling");
    }

    [Fact]
    public void A_failure_is_remembered_after_ecs_drops_the_failed_deployment()
    {
        var (first, _, _) = Compute("failed-rolled-back");
        var live = Load("completed") with
        {
            TaskDefinition = "arn:aws:ecs:eu-west-1:123456789012:task-definition/shop-web:3",
            Deployments = [Load("completed").Deployments![0] with { TaskDefinition = "arn:aws:ecs:eu-west-1:123456789012:task-definition/shop-web:3" }],
        };
        var later = RolloutObserver.Observe(live, Revision4, first.Rollout);
        Assert.Equal(RolloutPhase.Failed, later.Phase);

        var withoutMemory = RolloutObserver.Observe(live, Revision4, previous: null);
        Assert.Equal(RolloutPhase.NotStarted, withoutMemory.Phase);
    }

    [Fact]
    public void A_deployment_last_seen_in_progress_that_vanished_while_the_service_runs_another_revision_failed()
    {
        var (inProgress, _, _) = Compute("in-progress");
        Assert.Equal(RolloutPhase.InProgress, inProgress.Phase);
        var revision3 = "arn:aws:ecs:eu-west-1:123456789012:task-definition/shop-web:3";
        var rolledBack = Load("completed") with
        {
            TaskDefinition = revision3,
            Deployments = [Load("completed").Deployments![0] with { Id = "ecs-svc/rollback", TaskDefinition = revision3, RolloutStateReason = "ECS deployment circuit breaker: rolling back to deploymentId ecs-svc/1." }],
        };

        var later = RolloutObserver.Observe(rolledBack, Revision4, inProgress.Rollout);

        Assert.Equal(RolloutPhase.Failed, later.Phase);
        Assert.Equal("FAILED", later.Rollout.State);
        Assert.Equal(inProgress.Rollout.DeploymentId, later.Rollout.DeploymentId);
        Assert.Contains("circuit breaker", later.Message, StringComparison.Ordinal);

        // A previous rollout of another revision says nothing about this one: it has not started.
        var other = inProgress.Rollout with { TaskDefinitionArn = revision3 };
        Assert.Equal(RolloutPhase.NotStarted, RolloutObserver.Observe(rolledBack with { TaskDefinition = "x:1", Deployments = [rolledBack.Deployments![0] with { TaskDefinition = "x:1" }] }, Revision4, other).Phase);
    }

    [Fact]
    public void Scaling_after_a_completed_rollout_is_not_ready_until_running_equals_desired()
    {
        var (rollout, conditions, _) = Compute("scaling");
        Assert.Equal(RolloutPhase.InProgress, rollout.Phase);
        Assert.Contains("scaling shop-web:4 to 6 tasks: 3 running, 3 pending", Get(conditions, "Ready").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Draining_service_is_deleting()
    {
        var (_, conditions, _) = Compute("draining");
        Assert.Equal(ConditionReasons.Deleting, Get(conditions, "Ready").Reason);
        Assert.Equal(ConditionReasons.Deleting, Get(conditions, "Reconciling").Reason);
        Assert.Contains("2 tasks still running", Get(conditions, "Reconciling").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_transient_error_keeps_ready_as_it_was_and_says_it_is_retrying()
    {
        var (_, ready, _) = Compute("completed");
        var conditions = ConditionsCalculator.Compute(ready, new ReconcileState.Retrying("ThrottlingException: Rate exceeded"), null, 7, Now.AddMinutes(1));
        Assert.Equal(ConditionStatus.True, Get(conditions, "Ready").Status);
        Assert.Equal(Now, Get(conditions, "Ready").LastTransitionTime);
        Assert.Equal(ConditionReasons.RetryingAfterError, Get(conditions, "Reconciling").Reason);
    }

    [Fact]
    public void Drift_is_reported_then_flips_back_once_aws_matches()
    {
        var (_, ready, _) = Compute("completed");
        var drifted = ConditionsCalculator.Compute(ready, new ReconcileState.Ready("ok"), new DriftObservation(["desiredCount"], Corrected: true), 7, Now);
        var condition = Get(drifted, "Drifted");
        Assert.Equal((ConditionStatus.True, ConditionReasons.DriftCorrected), (condition.Status, condition.Reason));
        Assert.Contains("desiredCount", condition.Message, StringComparison.Ordinal);

        var fixedAgain = ConditionsCalculator.Compute(drifted, new ReconcileState.Ready("ok"), new DriftObservation([], Corrected: false), 7, Now.AddMinutes(5));
        Assert.Equal(ConditionStatus.False, Get(fixedAgain, "Drifted").Status);
        Assert.Equal(["Ready", "Drifted"], fixedAgain.Select(c => c.Type));

        var reported = ConditionsCalculator.Compute(ready, new ReconcileState.Ready("ok"), new DriftObservation(["networkConfiguration"], Corrected: false), 7, Now);
        Assert.Equal(ConditionReasons.DriftReported, Get(reported, "Drifted").Reason);
    }
}
