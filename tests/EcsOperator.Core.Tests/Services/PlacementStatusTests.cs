using EcsOperator.Api.Shared;
using EcsOperator.Aws.Model.Ecs;
using EcsOperator.Core.Conditions;
using EcsOperator.Core.Services;
using EcsOperator.Kubernetes.Model;

namespace EcsOperator.Core.Tests.Services;

/// <summary>
/// A service whose tasks ECS cannot place says so in its conditions (reason TasksNotPlaced, ECS's reason, no account),
/// read from the service events and the primary deployment's counts as DescribeServices returns them.
/// </summary>
public sealed class PlacementStatusTests
{
    private const string Revision = "arn:aws:ecs:eu-west-1:123456789012:task-definition/shop-api:2";
    private static readonly DateTimeOffset Created = new(2026, 12, 5, 9, 0, 0, TimeSpan.Zero);

    private static Service Live(int desired, int running, int pending, params (int Seconds, string Message)[] events) => new()
    {
        ServiceName = "api",
        ServiceArn = "arn:aws:ecs:eu-west-1:123456789012:service/shop-ec2/api",
        ClusterArn = "arn:aws:ecs:eu-west-1:123456789012:cluster/shop-ec2",
        Status = "ACTIVE",
        DesiredCount = desired,
        RunningCount = running,
        PendingCount = pending,
        TaskDefinition = Revision,
        Deployments =
        [
            new Deployment
            {
                Id = "ecs-svc/2", Status = "PRIMARY", TaskDefinition = Revision, DesiredCount = desired, RunningCount = running,
                PendingCount = pending, FailedTasks = 0, RolloutState = "IN_PROGRESS", CreatedAt = Created,
            },
        ],
        // DescribeServices lists events newest first.
        Events = events.OrderByDescending(e => e.Seconds)
            .Select((e, i) => new ServiceEvent { Id = $"e{i}", CreatedAt = Created.AddSeconds(e.Seconds), Message = e.Message }).ToList(),
    };

    private static IReadOnlyList<Condition> Conditions(Service live) =>
        ConditionsCalculator.Compute(null, ServiceStatusCalculator.State(live, RolloutObserver.Observe(live, Revision, null)), null, 3, Created);

    private const string Memory =
        "(service api) was unable to place a task because no container instance met all of its requirements. The closest matching container-instance 9f2c4e1a7b3d4c5e8f6a0b1c2d3e4f5a has insufficient memory available. For more information, see the Troubleshooting section of the Amazon ECS Developer Guide.";

    [Fact]
    public void Tasks_ECS_cannot_place_make_the_service_not_ready_with_ECS_reason_and_a_hint()
    {
        var conditions = Conditions(Live(3, 0, 0, (15, Memory)));

        var ready = Assert.Single(conditions, c => c.Type == ConditionTypes.Ready);
        Assert.Equal((ConditionStatus.False, ConditionReasons.TasksNotPlaced), (ready.Status, ready.Reason));
        Assert.Equal(ConditionReasons.TasksNotPlaced, Assert.Single(conditions, c => c.Type == ConditionTypes.Reconciling).Reason);
        Assert.Contains("ECS cannot place 3 of 3 tasks: The closest matching container-instance 9f2c4e1a7b3d4c5e8f6a0b1c2d3e4f5a has insufficient memory available.", ready.Message, StringComparison.Ordinal);
        Assert.Contains("more free memory", ready.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Troubleshooting", ready.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(conditions, c => c.Type == ConditionTypes.Stalled);
    }

    [Fact]
    public void Partly_placed_deployments_count_only_the_missing_tasks()
    {
        // The scheduler placed two tasks and failed on the third in the same pass: both events carry the same time.
        var failure = PlacementObserver.Observe(Live(3, 1, 1, (30, "(service api) has started 2 tasks: (task a) (task b)."), (30, Memory)));

        Assert.NotNull(failure);
        Assert.Equal((1, 3, "RESOURCE:MEMORY"), (failure.Missing, failure.Desired, failure.Cause));
    }

    [Fact]
    public void A_failure_resolved_by_later_starts_or_one_older_than_the_deployment_is_not_reported()
    {
        var resolved = Live(3, 2, 0, (15, Memory), (45, "(service api) has started 1 tasks: (task c)."));
        Assert.Null(PlacementObserver.Observe(resolved));
        Assert.Equal(ConditionReasons.RolloutInProgress, Assert.Single(Conditions(resolved), c => c.Type == ConditionTypes.Ready).Reason);

        Assert.Null(PlacementObserver.Observe(Live(3, 1, 0, (-60, Memory))));
        Assert.Null(PlacementObserver.Observe(Live(3, 2, 1, (15, Memory))));
    }

    [Theory]
    [InlineData("The closest matching container-instance 1a2b has insufficient CPU units available.", "RESOURCE:CPU", "more free CPU")]
    [InlineData("The closest matching container-instance 1a2b is already using a port required by your task.", "RESOURCE:PORTS", "dynamic host ports")]
    [InlineData("The closest matching container-instance 1a2b encountered error \"memberOf constraint unsatisfied\".", "CONSTRAINT", "placementConstraints")]
    public void Each_cause_gets_its_own_hint(string closest, string cause, string hint)
    {
        var failure = PlacementObserver.Observe(Live(2, 0, 0, (10, $"(service api) was unable to place a task because no container instance met all of its requirements. {closest} For more information, see the Troubleshooting section of the Amazon ECS Developer Guide.")));

        Assert.NotNull(failure);
        Assert.Equal(cause, failure.Cause);
        Assert.Contains(closest, failure.Message, StringComparison.Ordinal);
        Assert.Contains(hint, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Arns_in_ECS_message_are_cut_to_ids_so_no_account_shows()
    {
        var failure = PlacementObserver.Observe(Live(1, 0, 0, (10,
            "service api was unable to place a task because no container instance met all of its requirements. The closest matching container-instance arn:aws:ecs:eu-west-1:123456789012:container-instance/shop-ec2/4d5e6f has insufficient memory available.")));

        Assert.NotNull(failure);
        Assert.DoesNotContain("123456789012", failure.Message, StringComparison.Ordinal);
        Assert.Contains("container-instance 4d5e6f has insufficient memory", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_cluster_without_instances_is_named_as_the_cause()
    {
        var failure = PlacementObserver.Observe(Live(1, 0, 0, (10,
            "(service api) was unable to place a task because no container instance met all of its requirements. Reason: No Container Instances were found in your cluster. For more information, see the Troubleshooting section of the Amazon ECS Developer Guide.")));

        Assert.NotNull(failure);
        Assert.Equal("NO_INSTANCES", failure.Cause);
        Assert.StartsWith("ECS cannot place 1 of 1 tasks: Reason: No Container Instances were found in your cluster. Register container instances", failure.Message, StringComparison.Ordinal);
    }
}
