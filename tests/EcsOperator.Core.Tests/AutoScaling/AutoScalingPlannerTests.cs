using System.Text.Json;
using System.Text.Json.Nodes;
using EcsOperator.Api.Services;
using EcsOperator.Aws.Model.ApplicationAutoScaling;
using EcsOperator.Core.AutoScaling;

namespace EcsOperator.Core.Tests.AutoScaling;

public sealed class AutoScalingPlannerTests
{
    internal static ServiceAutoScaling Spec => new()
    {
        MinCapacity = 2,
        MaxCapacity = 10,
        TargetTracking =
        [
            new TargetTrackingPolicy { Name = "cpu", PredefinedMetric = "ECSServiceAverageCPUUtilization", TargetValue = 60, ScaleInCooldown = 120 },
            new TargetTrackingPolicy
            {
                Name = "requests",
                PredefinedMetric = "ALBRequestCountPerTarget",
                ResourceLabel = "app/shop/50dc6c495c0c9188/targetgroup/web/943f017f100becff",
                TargetValue = 1000,
                DisableScaleIn = true,
            },
        ],
        StepScaling =
        [
            new StepScalingPolicy
            {
                Name = "queue-depth",
                StepScalingPolicyConfiguration = new StepScalingPolicyConfiguration
                {
                    AdjustmentType = "ChangeInCapacity",
                    Cooldown = 60,
                    StepAdjustments =
                    [
                        new StepAdjustment { MetricIntervalLowerBound = 0, MetricIntervalUpperBound = 100, ScalingAdjustment = 1 },
                        new StepAdjustment { MetricIntervalLowerBound = 100, ScalingAdjustment = 3 },
                    ],
                },
            },
        ],
        Scheduled =
        [
            new ScheduledScaling { Name = "business-hours", Schedule = "cron(0 8 ? * MON-FRI *)", Timezone = "Europe/Berlin", MinCapacity = 4, MaxCapacity = 10 },
        ],
    };

    private static AasState Synced => AasState.Empty.Apply(AasState.Empty.Plan(Spec));

    private static JsonNode Json<T>(T value, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> info) => JsonSerializer.SerializeToNode(value, info)!;

    [Fact]
    public void From_nothing_it_registers_the_target_with_the_owner_tag_and_puts_everything()
    {
        var plan = AasState.Empty.Plan(Spec);

        Assert.False(plan.IsInSync);
        var expectedRegister = JsonNode.Parse("""
            {"ServiceNamespace":"ecs","ResourceId":"service/prod/web","ScalableDimension":"ecs:service:DesiredCount",
             "MinCapacity":2,"MaxCapacity":10,"Tags":{"ecs.operator.dev/owner":"c/shop/web"}}
            """);
        Assert.True(JsonNode.DeepEquals(expectedRegister, Json(plan.RegisterScalableTarget!, ApplicationAutoScalingJsonContext.Default.RegisterScalableTargetRequest)),
            Json(plan.RegisterScalableTarget!, ApplicationAutoScalingJsonContext.Default.RegisterScalableTargetRequest).ToJsonString());

        Assert.Equal(["cpu", "requests", "queue-depth"], plan.PutScalingPolicies.Select(p => p.PolicyName));
        var expectedAlb = JsonNode.Parse("""
            {"PolicyName":"requests","ServiceNamespace":"ecs","ResourceId":"service/prod/web","ScalableDimension":"ecs:service:DesiredCount",
             "PolicyType":"TargetTrackingScaling",
             "TargetTrackingScalingPolicyConfiguration":{"TargetValue":1000,
               "PredefinedMetricSpecification":{"PredefinedMetricType":"ALBRequestCountPerTarget","ResourceLabel":"app/shop/50dc6c495c0c9188/targetgroup/web/943f017f100becff"},
               "DisableScaleIn":true}}
            """);
        var alb = Json(plan.PutScalingPolicies[1], ApplicationAutoScalingJsonContext.Default.PutScalingPolicyRequest);
        Assert.True(JsonNode.DeepEquals(expectedAlb, alb), alb.ToJsonString());

        var expectedStep = JsonNode.Parse("""
            {"PolicyName":"queue-depth","ServiceNamespace":"ecs","ResourceId":"service/prod/web","ScalableDimension":"ecs:service:DesiredCount",
             "PolicyType":"StepScaling",
             "StepScalingPolicyConfiguration":{"AdjustmentType":"ChangeInCapacity","StepAdjustments":[
               {"MetricIntervalLowerBound":0,"MetricIntervalUpperBound":100,"ScalingAdjustment":1},
               {"MetricIntervalLowerBound":100,"ScalingAdjustment":3}],"Cooldown":60}}
            """);
        var step = Json(plan.PutScalingPolicies[2], ApplicationAutoScalingJsonContext.Default.PutScalingPolicyRequest);
        Assert.True(JsonNode.DeepEquals(expectedStep, step), step.ToJsonString());

        var expectedScheduled = JsonNode.Parse("""
            {"ServiceNamespace":"ecs","Schedule":"cron(0 8 ? * MON-FRI *)","Timezone":"Europe/Berlin","ScheduledActionName":"business-hours",
             "ResourceId":"service/prod/web","ScalableDimension":"ecs:service:DesiredCount","ScalableTargetAction":{"MinCapacity":4,"MaxCapacity":10}}
            """);
        var scheduled = Json(Assert.Single(plan.PutScheduledActions), ApplicationAutoScalingJsonContext.Default.PutScheduledActionRequest);
        Assert.True(JsonNode.DeepEquals(expectedScheduled, scheduled), scheduled.ToJsonString());

        Assert.Empty(plan.DeleteScalingPolicies);
        Assert.Empty(plan.DeleteScheduledActions);
        Assert.Null(plan.DeregisterScalableTarget);
        Assert.IsType<RegisterScalableTargetRequest>(plan.InExecutionOrder[0]);
    }

    [Fact]
    public void Live_state_as_AAS_describes_it_is_in_sync()
    {
        var live = Synced;
        Assert.NotNull(live.Policies[0].Alarms);
        Assert.NotNull(live.Policies[0].PolicyARN);

        var plan = live.Plan(Spec);

        Assert.True(plan.IsInSync, string.Join(", ", plan.Differences));
        Assert.Empty(plan.InExecutionOrder);
    }

    [Fact]
    public void Explicit_AAS_defaults_in_the_spec_do_not_differ_from_a_description_without_them()
    {
        var explicitDefaults = Spec with
        {
            TargetTracking = [Spec.TargetTracking![0] with { ScaleOutCooldown = 300, DisableScaleIn = false }, Spec.TargetTracking[1]],
        };
        var plan = Synced.Plan(explicitDefaults);
        Assert.True(plan.IsInSync, string.Join(", ", plan.Differences));
    }

    [Fact]
    public void Changing_a_target_value_puts_only_that_policy()
    {
        var changed = Spec with { TargetTracking = [Spec.TargetTracking![0] with { TargetValue = 75 }, Spec.TargetTracking[1]] };

        var plan = Synced.Plan(changed);

        var put = Assert.Single(plan.PutScalingPolicies);
        Assert.Equal(("cpu", 75.0), (put.PolicyName, put.TargetTrackingScalingPolicyConfiguration!.TargetValue));
        Assert.Null(plan.RegisterScalableTarget);
        Assert.Empty(plan.DeleteScalingPolicies);
        Assert.Empty(plan.PutScheduledActions);
        Assert.Equal(["policy/cpu"], plan.Differences);
    }

    [Fact]
    public void Removing_a_cooldown_from_the_spec_puts_the_policy_back_to_the_default()
    {
        var changed = Spec with { TargetTracking = [Spec.TargetTracking![0] with { ScaleInCooldown = null }, Spec.TargetTracking[1]] };

        var plan = Synced.Plan(changed);

        Assert.Equal("cpu", Assert.Single(plan.PutScalingPolicies).PolicyName);
    }

    [Fact]
    public void Removing_a_policy_from_the_spec_deletes_just_that_policy()
    {
        var plan = Synced.Plan(Spec with { StepScaling = null });

        var delete = Assert.Single(plan.DeleteScalingPolicies);
        Assert.Equal(("queue-depth", "service/prod/web", "ecs", "ecs:service:DesiredCount"),
            (delete.PolicyName, delete.ResourceId, delete.ServiceNamespace, delete.ScalableDimension));
        Assert.Single(plan.InExecutionOrder);
    }

    [Fact]
    public void Changing_a_schedule_puts_the_action_again()
    {
        var changed = Spec with { Scheduled = [Spec.Scheduled![0] with { Schedule = "cron(0 7 ? * MON-FRI *)" }] };

        var plan = Synced.Plan(changed);

        Assert.Equal("cron(0 7 ? * MON-FRI *)", Assert.Single(plan.PutScheduledActions).Schedule);
        Assert.Empty(plan.DeleteScheduledActions);
        Assert.Single(plan.InExecutionOrder);
    }

    [Fact]
    public void Dropping_a_field_of_a_scheduled_action_deletes_and_recreates_it_because_a_put_would_keep_the_old_value()
    {
        var withEnd = Spec with { Scheduled = [Spec.Scheduled![0] with { EndTime = new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.Zero) }] };
        var live = AasState.Empty.Apply(AasState.Empty.Plan(withEnd));

        var plan = live.Plan(Spec);

        Assert.Equal("business-hours", Assert.Single(plan.DeleteScheduledActions).ScheduledActionName);
        Assert.Null(Assert.Single(plan.PutScheduledActions).EndTime);
        Assert.IsType<DeleteScheduledActionRequest>(plan.InExecutionOrder[0]);
        Assert.IsType<PutScheduledActionRequest>(plan.InExecutionOrder[1]);
        Assert.True(live.Apply(plan).Plan(Spec).IsInSync);
    }

    [Fact]
    public void Removing_autoscaling_deletes_policies_and_actions_before_deregistering_the_target()
    {
        var plan = Synced.Plan(null);

        var order = plan.InExecutionOrder;
        Assert.Equal(5, order.Count);
        Assert.All(order.Take(3), r => Assert.IsType<DeleteScalingPolicyRequest>(r));
        Assert.IsType<DeleteScheduledActionRequest>(order[3]);
        var deregister = Assert.IsType<DeregisterScalableTargetRequest>(order[4]);
        Assert.Equal("service/prod/web", deregister.ResourceId);
        Assert.Equal(AasState.Empty.Target, Synced.Apply(plan).Target);
    }

    [Fact]
    public void Without_autoscaling_and_without_a_target_there_is_nothing_to_do()
    {
        Assert.True(AasState.Empty.Plan(null).IsInSync);
    }

    [Fact]
    public void Changing_min_or_max_registers_the_target_again_without_tags_and_nothing_else()
    {
        var plan = Synced.Plan(Spec with { MinCapacity = 3, MaxCapacity = 12 });

        var register = plan.RegisterScalableTarget!;
        Assert.Equal((3, 12), (register.MinCapacity, register.MaxCapacity));
        Assert.Null(register.Tags);
        Assert.Single(plan.InExecutionOrder);
    }

    [Fact]
    public void Policies_of_another_service_are_not_touched()
    {
        var other = Synced.Policies[0] with { ResourceId = "service/prod/api", PolicyName = "api-cpu" };
        var live = Synced with { Policies = [.. Synced.Policies, other] };

        Assert.True(live.Plan(Spec).IsInSync);
    }

    [Fact]
    public void Min_above_max_is_a_clear_error()
    {
        var error = Assert.Throws<ArgumentException>(() => AasState.Empty.Plan(Spec with { MinCapacity = 11 }));
        Assert.Contains("minCapacity (11) exceeds maxCapacity (10)", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, 2)]
    [InlineData(0, 2)]
    [InlineData(5, 5)]
    [InlineData(50, 10)]
    public void Desired_count_on_create_is_clamped_into_min_max(int? specDesired, int expected) =>
        Assert.Equal(expected, AutoScalingDesiredCount.OnCreate(Spec, specDesired));

    [Fact]
    public void Status_reports_the_target_and_the_ARNs_sorted_by_name()
    {
        var live = Synced;
        var status = AutoScalingStatusCalculator.ToStatus(live.Target, live.Policies.Reverse().ToList(), live.Actions)!;

        Assert.Equal(live.Target!.ScalableTargetARN, status.ScalableTargetArn);
        Assert.Equal((2, 10), (status.MinCapacity, status.MaxCapacity));
        Assert.Equal(3, status.PolicyArns!.Count);
        Assert.EndsWith("policyName/cpu", status.PolicyArns[0], StringComparison.Ordinal);
        Assert.EndsWith("policyName/queue-depth", status.PolicyArns[1], StringComparison.Ordinal);
        Assert.EndsWith("scheduledActionName/business-hours", Assert.Single(status.ScheduledActionArns!), StringComparison.Ordinal);
        Assert.Null(AutoScalingStatusCalculator.ToStatus(null, [], []));
    }
}
