using EcsOperator.Aws.Model.Ecs;
using EcsOperator.Core.Diffing;
using EcsOperator.Core.Services;

namespace EcsOperator.Core.Tests.Services;

/// <summary>How EC2 placement and DAEMON services compare with what DescribeServices returns.</summary>
public sealed class PlacementComparisonTests
{
    private static CreateServiceRequest Api => new()
    {
        Cluster = "shop-ec2",
        ServiceName = "api",
        TaskDefinition = "shop-api:2",
        DesiredCount = 6,
        LaunchType = "EC2",
        PlacementStrategy =
        [
            new PlacementStrategy { Type = "spread", Field = "attribute:ecs.availability-zone" },
            new PlacementStrategy { Type = "binpack", Field = "memory" },
        ],
        PlacementConstraints = [new PlacementConstraint { Type = "memberOf", Expression = "attribute:ecs.instance-type =~ c6i.*" }],
    };

    private static CreateServiceRequest Daemon => new()
    {
        Cluster = "shop-ec2",
        ServiceName = "node-agent",
        TaskDefinition = "platform-node-agent:1",
        LaunchType = "EC2",
        SchedulingStrategy = "DAEMON",
        PlacementConstraints = [new PlacementConstraint { Type = "memberOf", Expression = "attribute:ecs.os-type == linux" }],
    };

    [Fact]
    public void Placement_as_created_is_in_sync()
    {
        var comparison = ServiceComparer.Compare(Api, EcsDescribes.ServiceCreatedBy(Api) with { PlacementStrategy = Api.PlacementStrategy }, autoScalingOwnsDesiredCount: false);
        Assert.True(comparison.InSync, string.Join("; ", comparison.Differences));
    }

    [Fact]
    public void A_placement_strategy_changed_in_AWS_is_set_back_in_place_without_a_deployment()
    {
        var live = EcsDescribes.ServiceCreatedBy(Api) with { PlacementStrategy = [new PlacementStrategy { Type = "binpack", Field = "cpu" }] };

        var comparison = ServiceComparer.Compare(Api, live, autoScalingOwnsDesiredCount: false);

        var difference = Assert.Single(comparison.Differences);
        Assert.Equal(("placementStrategy", ChangeKind.InPlace), (difference.Path, difference.Kind));
        Assert.Equal(["spread", "binpack"], comparison.Update!.PlacementStrategy!.Select(s => s.Type));
        Assert.False(comparison.StartsDeployment);
    }

    [Fact]
    public void Strategies_are_evaluated_in_order_so_a_reordering_is_a_difference()
    {
        var live = EcsDescribes.ServiceCreatedBy(Api) with { PlacementStrategy = [.. Api.PlacementStrategy!.Reverse()] };

        var comparison = ServiceComparer.Compare(Api, live, autoScalingOwnsDesiredCount: false);

        Assert.StartsWith("placementStrategy", Assert.Single(comparison.Differences).Path, StringComparison.Ordinal);
        Assert.Equal(["spread", "binpack"], comparison.Update!.PlacementStrategy!.Select(s => s.Type));
    }

    [Fact]
    public void Constraints_removed_in_AWS_are_put_back_and_constraints_removed_from_the_spec_are_cleared()
    {
        var live = EcsDescribes.ServiceCreatedBy(Api) with { PlacementStrategy = Api.PlacementStrategy, PlacementConstraints = [] };
        var restore = ServiceComparer.Compare(Api, live, autoScalingOwnsDesiredCount: false);
        Assert.Equal("attribute:ecs.instance-type =~ c6i.*", Assert.Single(restore.Update!.PlacementConstraints!).Expression);

        var unconstrained = Api with { PlacementConstraints = null };
        var clear = ServiceComparer.Compare(unconstrained, EcsDescribes.ServiceCreatedBy(Api) with { PlacementStrategy = Api.PlacementStrategy }, autoScalingOwnsDesiredCount: false);
        Assert.Equal("placementConstraints", Assert.Single(clear.Differences).Path);
        Assert.Empty(clear.Update!.PlacementConstraints!);
    }

    [Fact]
    public void A_daemon_desired_count_follows_its_instances_and_ECS_daemon_deployment_defaults_are_no_difference()
    {
        var live = EcsDescribes.ServiceCreatedBy(Daemon) with
        {
            DesiredCount = 4,
            RunningCount = 4,
            DeploymentConfiguration = new DeploymentConfiguration
            {
                MaximumPercent = 100,
                MinimumHealthyPercent = 0,
                DeploymentCircuitBreaker = new DeploymentCircuitBreaker { Enable = false, Rollback = false },
            },
        };

        var comparison = ServiceComparer.Compare(Daemon, live, autoScalingOwnsDesiredCount: false);

        Assert.True(comparison.InSync, string.Join("; ", comparison.Differences));
        Assert.Null(ServiceTranslatorDesiredCount());
    }

    [Fact]
    public void A_daemon_turned_into_a_replica_in_the_spec_is_immutable()
    {
        var comparison = ServiceComparer.Compare(Daemon with { SchedulingStrategy = null, DesiredCount = 2 }, EcsDescribes.ServiceCreatedBy(Daemon) with { DesiredCount = 3 }, autoScalingOwnsDesiredCount: false);

        Assert.Contains(comparison.Immutable, d => d.Path == "schedulingStrategy");
    }

    private static int? ServiceTranslatorDesiredCount() =>
        ServiceTranslator.DesiredCountOnCreate(new Api.Services.EcsServiceSpec { SchedulingStrategy = "DAEMON", LaunchType = "EC2" });
}
