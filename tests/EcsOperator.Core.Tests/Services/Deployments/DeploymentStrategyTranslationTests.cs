using System.Text.Json;
using EcsOperator.Api.Services;
using EcsOperator.Aws.Model.Ecs;
using EcsOperator.Core.Services;
using EcsOperator.Core.Services.Deployments;
using EcsOperator.Core.Validation;
using EcsOperator.Kubernetes.Model;

namespace EcsOperator.Core.Tests.Services.Deployments;

/// <summary>The blue/green, linear and canary fields of the spec reach CreateService and UpdateService, and bad ones are InvalidSpec.</summary>
public sealed class DeploymentStrategyTranslationTests
{
    private static readonly LoadBalancer Advanced = new()
    {
        TargetGroupArn = "arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/blue/1",
        ContainerName = "web",
        ContainerPort = 8080,
        AdvancedConfiguration = new AdvancedConfiguration
        {
            AlternateTargetGroupArn = "arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/green/2",
            ProductionListenerRule = "arn:aws:elasticloadbalancing:eu-west-1:123456789012:listener-rule/app/web/1/2/3",
            TestListenerRule = "arn:aws:elasticloadbalancing:eu-west-1:123456789012:listener-rule/app/web/1/2/4",
            RoleArn = "arn:aws:iam::123456789012:role/ecs-elb",
        },
    };

    private static EcsServiceSpec Spec(DeploymentConfiguration configuration, LoadBalancer? loadBalancer = null) => new()
    {
        TaskDefinition = "shop-web:3",
        DesiredCount = 2,
        LaunchType = "EC2",
        LoadBalancers = [loadBalancer ?? Advanced],
        DeploymentConfiguration = configuration,
    };

    private static readonly DeploymentConfiguration Canary = new()
    {
        Strategy = "CANARY",
        BakeTimeInMinutes = 15,
        CanaryConfiguration = new CanaryConfiguration { CanaryPercent = 10, CanaryBakeTimeInMinutes = 5 },
        LifecycleHooks =
        [
            new DeploymentLifecycleHook
            {
                HookTargetArn = "arn:aws:lambda:eu-west-1:123456789012:function:verify",
                RoleArn = "arn:aws:iam::123456789012:role/hooks",
                LifecycleStages = ["POST_TEST_TRAFFIC_SHIFT"],
                HookDetails = JsonDocument.Parse("""{"path":"/healthz"}""").RootElement,
            },
        ],
    };

    [Fact]
    public void CreateService_carries_strategy_bake_times_hooks_and_the_alternate_target_group()
    {
        var service = new EcsService { Metadata = new ObjectMeta { Name = "web", Namespace = "shop" }, Spec = Spec(Canary) };

        var request = ServiceTranslator.ToDesiredState(service, "shop-web:3", "prod", "cluster/shop/web");
        var wire = JsonSerializer.SerializeToNode(request, EcsJsonContext.Default.CreateServiceRequest)!;

        Assert.Equal("CANARY", wire["deploymentConfiguration"]!["strategy"]!.GetValue<string>());
        Assert.Equal(15, wire["deploymentConfiguration"]!["bakeTimeInMinutes"]!.GetValue<int>());
        Assert.Equal(10, wire["deploymentConfiguration"]!["canaryConfiguration"]!["canaryPercent"]!.GetValue<double>());
        Assert.Equal("/healthz", wire["deploymentConfiguration"]!["lifecycleHooks"]![0]!["hookDetails"]!["path"]!.GetValue<string>());
        Assert.Equal("POST_TEST_TRAFFIC_SHIFT", wire["deploymentConfiguration"]!["lifecycleHooks"]![0]!["lifecycleStages"]![0]!.GetValue<string>());
        Assert.Equal(Advanced.AdvancedConfiguration!.AlternateTargetGroupArn, wire["loadBalancers"]![0]!["advancedConfiguration"]!["alternateTargetGroupArn"]!.GetValue<string>());
        Assert.Equal(Advanced.AdvancedConfiguration.ProductionListenerRule, wire["loadBalancers"]![0]!["advancedConfiguration"]!["productionListenerRule"]!.GetValue<string>());
    }

    [Fact]
    public void A_changed_canary_step_goes_out_as_an_UpdateService_deployment_configuration()
    {
        var meta = new ObjectMeta { Name = "web", Namespace = "shop" };
        var before = ServiceTranslator.ToDesiredState(new EcsService { Metadata = meta, Spec = Spec(Canary) }, "shop-web:3", "prod", "cluster/shop/web");
        var after = ServiceTranslator.ToDesiredState(
            new EcsService { Metadata = meta, Spec = Spec(Canary with { CanaryConfiguration = new CanaryConfiguration { CanaryPercent = 25, CanaryBakeTimeInMinutes = 5 } }) },
            "shop-web:3", "prod", "cluster/shop/web");

        var comparison = ServiceComparer.Compare(after, EcsDescribes.ServiceCreatedBy(before), autoScalingOwnsDesiredCount: false);

        Assert.Equal(25, comparison.Update?.DeploymentConfiguration?.CanaryConfiguration?.CanaryPercent);
        Assert.Equal("CANARY", comparison.Update?.DeploymentConfiguration?.Strategy);
        Assert.Null(comparison.Update?.TaskDefinition);
    }

    [Fact]
    public void A_traffic_shifting_strategy_without_an_alternate_target_group_is_invalid_spec()
    {
        var plain = new LoadBalancer { TargetGroupArn = Advanced.TargetGroupArn, ContainerName = "web", ContainerPort = 8080 };

        var errors = ServiceValidator.Validate(Spec(Canary, plain), "web", resolvedTaskDefinition: null);
        var fine = ServiceValidator.Validate(Spec(Canary), "web", resolvedTaskDefinition: null);

        Assert.Contains(errors, e => e.Path == "spec.loadBalancers" && e.Message.Contains("advancedConfiguration", StringComparison.Ordinal));
        Assert.DoesNotContain(fine, e => e.Path.StartsWith("spec.deploymentConfiguration", StringComparison.Ordinal) || e.Path == "spec.loadBalancers");
    }

    [Fact]
    public void Step_sizes_bake_times_and_strategy_specific_blocks_are_checked()
    {
        var errors = DeploymentStrategyValidator.Validate(Spec(new DeploymentConfiguration
        {
            Strategy = "LINEAR",
            BakeTimeInMinutes = 2000,
            LinearConfiguration = new LinearConfiguration { StepPercent = 2.5, StepBakeTimeInMinutes = -1 },
            CanaryConfiguration = new CanaryConfiguration { CanaryPercent = 5 },
            LifecycleHooks = [new DeploymentLifecycleHook { LifecycleStages = [] }],
        }));

        Assert.Equal(
            [
                "spec.deploymentConfiguration.linearConfiguration.stepPercent",
                "spec.deploymentConfiguration.linearConfiguration.stepBakeTimeInMinutes",
                "spec.deploymentConfiguration.canaryConfiguration",
                "spec.deploymentConfiguration.bakeTimeInMinutes",
                "spec.deploymentConfiguration.lifecycleHooks[0].hookTargetArn",
                "spec.deploymentConfiguration.lifecycleHooks[0].lifecycleStages",
            ],
            errors.Select(e => e.Path));
        Assert.Empty(DeploymentStrategyValidator.Validate(Spec(Canary)));
    }
}
