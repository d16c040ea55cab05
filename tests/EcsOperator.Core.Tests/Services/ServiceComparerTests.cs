using EcsOperator.Aws.Model.Ecs;
using EcsOperator.Core.Diffing;
using EcsOperator.Core.Services;

namespace EcsOperator.Core.Tests.Services;

public sealed class ServiceComparerTests
{
    internal static CreateServiceRequest Web => new()
    {
        Cluster = "prod",
        ServiceName = "web",
        TaskDefinition = "shop-web:3",
        DesiredCount = 3,
        LaunchType = "FARGATE",
        PlatformVersion = "LATEST",
        NetworkConfiguration = new NetworkConfiguration
        {
            AwsvpcConfiguration = new AwsVpcConfiguration
            {
                Subnets = ["subnet-a", "subnet-b"],
                SecurityGroups = ["sg-1", "sg-2"],
            },
        },
        LoadBalancers = [new LoadBalancer { TargetGroupArn = "arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/web/1", ContainerName = "web", ContainerPort = 8080 }],
        DeploymentConfiguration = new DeploymentConfiguration
        {
            DeploymentCircuitBreaker = new DeploymentCircuitBreaker { Enable = true, Rollback = true },
        },
        HealthCheckGracePeriodSeconds = 30,
    };

    [Fact]
    public void A_service_created_from_the_spec_is_in_sync()
    {
        var comparison = ServiceComparer.Compare(Web, EcsDescribes.ServiceCreatedBy(Web), autoScalingOwnsDesiredCount: false);
        Assert.True(comparison.InSync, string.Join("; ", comparison.Differences));
        Assert.Null(comparison.Update);
    }

    [Fact]
    public void Desired_count_change_is_an_in_place_update_of_just_that_field()
    {
        var live = EcsDescribes.ServiceCreatedBy(Web) with { DesiredCount = 5 };
        var comparison = ServiceComparer.Compare(Web, live, autoScalingOwnsDesiredCount: false);

        var difference = Assert.Single(comparison.Differences);
        Assert.Equal(("desiredCount", ChangeKind.InPlace, "3", "5"), (difference.Path, difference.Kind, difference.Desired, difference.Live));
        Assert.Equal(3, comparison.Update!.DesiredCount);
        Assert.Equal("web", comparison.Update.Service);
        Assert.Equal("arn:aws:ecs:eu-west-1:123456789012:cluster/prod", comparison.Update.Cluster);
        Assert.Null(comparison.Update.TaskDefinition);
        Assert.Null(comparison.Update.NetworkConfiguration);
        Assert.False(comparison.StartsDeployment);
    }

    [Fact]
    public void Desired_count_is_not_compared_while_auto_scaling_owns_it()
    {
        var live = EcsDescribes.ServiceCreatedBy(Web) with { DesiredCount = 9 };
        Assert.True(ServiceComparer.Compare(Web, live, autoScalingOwnsDesiredCount: true).InSync);
    }

    [Fact]
    public void A_new_task_definition_revision_starts_a_deployment()
    {
        var comparison = ServiceComparer.Compare(Web with { TaskDefinition = "shop-web:4" }, EcsDescribes.ServiceCreatedBy(Web), false);
        var difference = Assert.Single(comparison.Differences);
        Assert.Equal(ChangeKind.NewDeployment, difference.Kind);
        Assert.True(comparison.StartsDeployment);
        Assert.Equal("shop-web:4", comparison.Update!.TaskDefinition);
    }

    [Fact]
    public void Task_definition_by_arn_and_by_family_revision_are_the_same()
    {
        var arn = Web with { TaskDefinition = "arn:aws:ecs:eu-west-1:123456789012:task-definition/shop-web:3" };
        Assert.True(ServiceComparer.Compare(arn, EcsDescribes.ServiceCreatedBy(Web), false).InSync);
    }

    [Fact]
    public void Subnet_change_names_the_nested_field_and_starts_a_deployment()
    {
        var desired = Web with
        {
            NetworkConfiguration = new NetworkConfiguration
            {
                AwsvpcConfiguration = new AwsVpcConfiguration { Subnets = ["subnet-a", "subnet-c"], SecurityGroups = ["sg-2", "sg-1"] },
            },
        };
        var comparison = ServiceComparer.Compare(desired, EcsDescribes.ServiceCreatedBy(Web), false);
        var difference = Assert.Single(comparison.Differences);
        Assert.Equal("networkConfiguration.awsvpcConfiguration.subnets[1]", difference.Path);
        Assert.Equal(["subnet-a", "subnet-c"], comparison.Update!.NetworkConfiguration!.AwsvpcConfiguration!.Subnets!);
    }

    [Fact]
    public void Launch_type_change_is_immutable_and_produces_no_update()
    {
        var comparison = ServiceComparer.Compare(Web with { LaunchType = "EC2" }, EcsDescribes.ServiceCreatedBy(Web), false);
        var difference = Assert.Single(comparison.Immutable);
        Assert.Equal("launchType", difference.Field);
        Assert.Null(comparison.Update);
    }

    [Fact]
    public void Removing_load_balancers_from_the_spec_removes_them_from_the_service()
    {
        var comparison = ServiceComparer.Compare(Web with { LoadBalancers = null }, EcsDescribes.ServiceCreatedBy(Web), false);
        Assert.Equal("loadBalancers", Assert.Single(comparison.Differences).Field);
        Assert.NotNull(comparison.Update!.LoadBalancers);
        Assert.Empty(comparison.Update.LoadBalancers);
    }

    [Fact]
    public void Explicit_ecs_defaults_in_the_spec_are_not_differences()
    {
        var explicitDefaults = Web with
        {
            PropagateTags = "NONE",
            EnableExecuteCommand = false,
            SchedulingStrategy = "REPLICA",
            DeploymentConfiguration = new DeploymentConfiguration
            {
                MaximumPercent = 200,
                MinimumHealthyPercent = 100,
                DeploymentCircuitBreaker = new DeploymentCircuitBreaker { Enable = true, Rollback = true },
            },
        };
        Assert.True(ServiceComparer.Compare(explicitDefaults, EcsDescribes.ServiceCreatedBy(Web), false).InSync);
    }

    [Fact]
    public void A_deployment_configuration_changed_outside_is_reverted_to_the_spec()
    {
        var live = EcsDescribes.ServiceCreatedBy(Web);
        live = live with { DeploymentConfiguration = live.DeploymentConfiguration! with { MinimumHealthyPercent = 50 } };
        var comparison = ServiceComparer.Compare(Web, live, false);
        var difference = Assert.Single(comparison.Differences);
        Assert.Equal("deploymentConfiguration.minimumHealthyPercent", difference.Path);
        Assert.Equal(ChangeKind.InPlace, difference.Kind);
        Assert.True(comparison.Update!.DeploymentConfiguration!.DeploymentCircuitBreaker!.Enable);
    }
}
