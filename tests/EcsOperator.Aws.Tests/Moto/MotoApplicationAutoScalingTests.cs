using EcsOperator.Aws.ApplicationAutoScaling;
using EcsOperator.Aws.Model.ApplicationAutoScaling;
using EcsModel = EcsOperator.Aws.Model.Ecs;
using EcsOperator.Aws.Transport;
using EcsOperator.Testing.Moto;
using Xunit;

namespace EcsOperator.Aws.Tests.Moto;

/// <summary>
/// Every Application Auto Scaling operation moto implements, through the typed client and the real transport.
/// DescribeScalingActivities (missing in moto) is covered in <see cref="CannedResponseTests"/>.
/// </summary>
[Collection(Tests.Transport.MotoCollection.Name)]
public sealed class MotoApplicationAutoScalingTests(MotoServer moto) : IAsyncLifetime
{
    private const string ResourceId = "service/shop/web";

    private readonly MotoApis _apis = new(moto.Endpoint);

    private IApplicationAutoScalingApi Aas => _apis.AutoScaling;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        await moto.ResetAsync(Ct);

        // moto (like AWS) only registers targets for ECS services that exist.
        var (subnet, securityGroup) = await MotoNetwork.DefaultsAsync(moto.Endpoint, Ct);
        await _apis.Ecs.CreateClusterAsync(new EcsModel.CreateClusterRequest { ClusterName = "shop" }, Ct);
        await _apis.Ecs.RegisterTaskDefinitionAsync(MotoEcsTests.SampleTaskDefinition("shop-web"), Ct);
        await _apis.Ecs.CreateServiceAsync(
            new EcsModel.CreateServiceRequest
            {
                Cluster = "shop",
                ServiceName = "web",
                TaskDefinition = "shop-web",
                DesiredCount = 2,
                LaunchType = "FARGATE",
                NetworkConfiguration = new EcsModel.NetworkConfiguration
                {
                    AwsvpcConfiguration = new EcsModel.AwsVpcConfiguration { Subnets = [subnet], SecurityGroups = [securityGroup] },
                },
            },
            Ct);
    }

    public ValueTask DisposeAsync()
    {
        _apis.Dispose();
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task Scalable_target_register_describe_and_deregister_round_trip()
    {
        var registered = await Aas.RegisterScalableTargetAsync(
            new RegisterScalableTargetRequest
            {
                ServiceNamespace = ServiceNamespace.Ecs,
                ResourceId = ResourceId,
                ScalableDimension = ScalableDimension.EcsServiceDesiredCount,
                MinCapacity = 2,
                MaxCapacity = 10,
                SuspendedState = new SuspendedState { DynamicScalingInSuspended = true },
            },
            Ct);
        Assert.NotNull(registered);

        var targets = await Aas.DescribeAllScalableTargetsAsync(
            new DescribeScalableTargetsRequest { ServiceNamespace = ServiceNamespace.Ecs, ResourceIds = [ResourceId] }, Ct);
        var target = Assert.Single(targets);
        Assert.Equal((2, 10), (target.MinCapacity, target.MaxCapacity));
        Assert.Equal(ScalableDimension.EcsServiceDesiredCount, target.ScalableDimension);
        Assert.True(target.SuspendedState!.DynamicScalingInSuspended);
        Assert.NotNull(target.CreationTime);

        await Aas.DeregisterScalableTargetAsync(
            new DeregisterScalableTargetRequest
            {
                ServiceNamespace = ServiceNamespace.Ecs, ResourceId = ResourceId, ScalableDimension = ScalableDimension.EcsServiceDesiredCount,
            },
            Ct);
        Assert.Empty(await Aas.DescribeAllScalableTargetsAsync(new DescribeScalableTargetsRequest { ServiceNamespace = ServiceNamespace.Ecs }, Ct));
    }

    [Fact]
    public async Task Target_tracking_and_step_scaling_policies_put_describe_and_delete_round_trip()
    {
        await RegisterTargetAsync();

        var cpu = await Aas.PutScalingPolicyAsync(
            Policy("cpu", PolicyType.TargetTrackingScaling) with
            {
                TargetTrackingScalingPolicyConfiguration = new TargetTrackingScalingPolicyConfiguration
                {
                    TargetValue = 60,
                    PredefinedMetricSpecification = new PredefinedMetricSpecification { PredefinedMetricType = MetricType.ECSServiceAverageCPUUtilization },
                    ScaleInCooldown = 300,
                    ScaleOutCooldown = 60,
                },
            },
            Ct);
        Assert.Contains("policyName/cpu", cpu.PolicyARN, StringComparison.Ordinal);

        await Aas.PutScalingPolicyAsync(
            Policy("queue-depth", PolicyType.TargetTrackingScaling) with
            {
                TargetTrackingScalingPolicyConfiguration = new TargetTrackingScalingPolicyConfiguration
                {
                    TargetValue = 100,
                    CustomizedMetricSpecification = new CustomizedMetricSpecification
                    {
                        Metrics =
                        [
                            new TargetTrackingMetricDataQuery
                            {
                                Id = "visible",
                                ReturnData = false,
                                MetricStat = new TargetTrackingMetricStat
                                {
                                    Stat = "Sum",
                                    Metric = new TargetTrackingMetric
                                    {
                                        Namespace = "AWS/SQS",
                                        MetricName = "ApproximateNumberOfMessagesVisible",
                                        Dimensions = [new TargetTrackingMetricDimension { Name = "QueueName", Value = "orders" }],
                                    },
                                },
                            },
                            new TargetTrackingMetricDataQuery { Id = "perTask", Expression = "visible / 4", ReturnData = true },
                        ],
                    },
                },
            },
            Ct);

        await Aas.PutScalingPolicyAsync(
            Policy("step-out", PolicyType.StepScaling) with
            {
                StepScalingPolicyConfiguration = new StepScalingPolicyConfiguration
                {
                    AdjustmentType = AdjustmentType.ChangeInCapacity,
                    Cooldown = 120,
                    MetricAggregationType = MetricAggregationType.Average,
                    StepAdjustments =
                    [
                        new StepAdjustment { MetricIntervalLowerBound = 0, MetricIntervalUpperBound = 20, ScalingAdjustment = 1 },
                        new StepAdjustment { MetricIntervalLowerBound = 20, ScalingAdjustment = 3 },
                    ],
                },
            },
            Ct);

        var policies = await Aas.DescribeAllScalingPoliciesAsync(
            new DescribeScalingPoliciesRequest { ServiceNamespace = ServiceNamespace.Ecs, ResourceId = ResourceId }, Ct);
        Assert.Equal(["cpu", "queue-depth", "step-out"], policies.Select(p => p.PolicyName).Order(StringComparer.Ordinal));
        var byName = policies.ToDictionary(p => p.PolicyName!);
        Assert.Equal(60, byName["cpu"].TargetTrackingScalingPolicyConfiguration!.TargetValue);
        Assert.Equal(MetricType.ECSServiceAverageCPUUtilization, byName["cpu"].TargetTrackingScalingPolicyConfiguration!.PredefinedMetricSpecification!.PredefinedMetricType);
        var metrics = byName["queue-depth"].TargetTrackingScalingPolicyConfiguration!.CustomizedMetricSpecification!.Metrics!;
        Assert.Equal("visible / 4", metrics[1].Expression);
        Assert.Equal("orders", metrics[0].MetricStat!.Metric!.Dimensions![0].Value);
        var steps = byName["step-out"].StepScalingPolicyConfiguration!.StepAdjustments!;
        Assert.Equal((20.0, (double?)null, 3), (steps[1].MetricIntervalLowerBound!.Value, steps[1].MetricIntervalUpperBound, steps[1].ScalingAdjustment!.Value));

        await Aas.DeleteScalingPolicyAsync(
            new DeleteScalingPolicyRequest
            {
                PolicyName = "cpu", ServiceNamespace = ServiceNamespace.Ecs, ResourceId = ResourceId, ScalableDimension = ScalableDimension.EcsServiceDesiredCount,
            },
            Ct);
        var remaining = await Aas.DescribeAllScalingPoliciesAsync(
            new DescribeScalingPoliciesRequest { ServiceNamespace = ServiceNamespace.Ecs, ResourceId = ResourceId }, Ct);
        Assert.DoesNotContain(remaining, p => p.PolicyName == "cpu");
    }

    [Fact]
    public async Task Scheduled_actions_put_describe_and_delete_round_trip()
    {
        await RegisterTargetAsync();
        var start = DateTimeOffset.FromUnixTimeSeconds(1_900_000_000);

        await Aas.PutScheduledActionAsync(
            new PutScheduledActionRequest
            {
                ServiceNamespace = ServiceNamespace.Ecs,
                ResourceId = ResourceId,
                ScalableDimension = ScalableDimension.EcsServiceDesiredCount,
                ScheduledActionName = "night",
                Schedule = "cron(0 22 * * ? *)",
                Timezone = "Europe/Berlin",
                StartTime = start,
                EndTime = start.AddDays(30),
                ScalableTargetAction = new ScalableTargetAction { MinCapacity = 1, MaxCapacity = 2 },
            },
            Ct);

        var actions = await Aas.DescribeAllScheduledActionsAsync(
            new DescribeScheduledActionsRequest { ServiceNamespace = ServiceNamespace.Ecs, ResourceId = ResourceId }, Ct);
        var action = Assert.Single(actions);
        Assert.Equal("cron(0 22 * * ? *)", action.Schedule);
        Assert.Equal("Europe/Berlin", action.Timezone);
        Assert.Equal(start, action.StartTime);
        Assert.Equal((1, 2), (action.ScalableTargetAction!.MinCapacity, action.ScalableTargetAction.MaxCapacity));

        await Aas.DeleteScheduledActionAsync(
            new DeleteScheduledActionRequest
            {
                ServiceNamespace = ServiceNamespace.Ecs, ResourceId = ResourceId,
                ScalableDimension = ScalableDimension.EcsServiceDesiredCount, ScheduledActionName = "night",
            },
            Ct);
        Assert.Empty(await Aas.DescribeAllScheduledActionsAsync(
            new DescribeScheduledActionsRequest { ServiceNamespace = ServiceNamespace.Ecs, ResourceId = ResourceId }, Ct));
    }

    [Fact]
    public async Task Deleting_a_policy_that_does_not_exist_is_NotFound()
    {
        await RegisterTargetAsync();

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => Aas.DeleteScalingPolicyAsync(
            new DeleteScalingPolicyRequest
            {
                PolicyName = "nope", ServiceNamespace = ServiceNamespace.Ecs, ResourceId = ResourceId, ScalableDimension = ScalableDimension.EcsServiceDesiredCount,
            },
            Ct));

        Assert.Equal(AwsErrorKind.NotFound, error.Kind);
    }

    [Fact]
    public async Task An_invalid_scalable_dimension_is_Terminal()
    {
        var error = await Assert.ThrowsAsync<AwsServiceException>(() => Aas.RegisterScalableTargetAsync(
            new RegisterScalableTargetRequest
            {
                ServiceNamespace = ServiceNamespace.Ecs, ResourceId = ResourceId, ScalableDimension = "ecs:service:Nonsense", MinCapacity = 1, MaxCapacity = 2,
            },
            Ct));

        Assert.Equal(AwsErrorKind.Terminal, error.Kind);
        Assert.Equal("ValidationException", error.ErrorCode);
    }

    private Task RegisterTargetAsync() => Aas.RegisterScalableTargetAsync(
        new RegisterScalableTargetRequest
        {
            ServiceNamespace = ServiceNamespace.Ecs, ResourceId = ResourceId, ScalableDimension = ScalableDimension.EcsServiceDesiredCount,
            MinCapacity = 1, MaxCapacity = 8,
        },
        Ct);

    private static PutScalingPolicyRequest Policy(string name, string type) => new()
    {
        PolicyName = name,
        ServiceNamespace = ServiceNamespace.Ecs,
        ResourceId = ResourceId,
        ScalableDimension = ScalableDimension.EcsServiceDesiredCount,
        PolicyType = type,
    };
}
