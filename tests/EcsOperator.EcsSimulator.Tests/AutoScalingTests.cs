using System.Text.Json.Nodes;

namespace EcsOperator.Simulator.Tests;

public sealed class AutoScalingTests : SimTest
{
    private const string ResourceId = "service/default/web";

    private static JsonObject Target(JsonObject? extra = null)
    {
        var request = new JsonObject
        {
            ["ServiceNamespace"] = "ecs",
            ["ResourceId"] = ResourceId,
            ["ScalableDimension"] = "ecs:service:DesiredCount",
        };
        foreach (var (key, value) in extra ?? [])
        {
            request[key] = value?.DeepClone();
        }

        return request;
    }

    private async Task SetUpServiceAsync(int desired)
    {
        await CreateClusterAsync();
        var td = await RegisterAsync("web", "nginx:1");
        await CreateServiceAsync("web", td, desired);
    }

    [Fact]
    public async Task Registering_a_target_clamps_desired_count_and_records_an_activity()
    {
        await SetUpServiceAsync(1);

        var registered = await Client.AasAsync("RegisterScalableTarget", Target(new JsonObject { ["MinCapacity"] = 2, ["MaxCapacity"] = 5 }));
        var described = await Client.AasAsync("DescribeScalableTargets", new JsonObject { ["ServiceNamespace"] = "ecs", ["ResourceIds"] = new JsonArray { ResourceId } });
        var activities = await Client.AasAsync("DescribeScalingActivities", new JsonObject { ["ServiceNamespace"] = "ecs", ["ResourceId"] = ResourceId });

        Assert.StartsWith("arn:aws:application-autoscaling:us-east-1:123456789012:scalable-target/", Str(registered, "ScalableTargetARN"), StringComparison.Ordinal);
        var target = described["ScalableTargets"]![0]!;
        Assert.Equal(2, Int(target, "MinCapacity"));
        Assert.Equal(5, Int(target, "MaxCapacity"));
        Assert.Equal("ecs:service:DesiredCount", Str(target, "ScalableDimension"));
        Assert.True(target["CreationTime"]!.GetValue<double>() > 0);
        Assert.Equal(2, Int(await DescribeServiceAsync("web"), "desiredCount"));
        Assert.Equal("Setting desired count to 2.", Str(activities["ScalingActivities"]![0], "Description"));
        Assert.Equal("Successful", Str(activities["ScalingActivities"]![0], "StatusCode"));

        await Client.AasAsync("RegisterScalableTarget", Target(new JsonObject { ["MaxCapacity"] = 8 }));
        var updated = (await Client.AasAsync("DescribeScalableTargets", new JsonObject { ["ServiceNamespace"] = "ecs" }))["ScalableTargets"]![0]!;
        Assert.Equal((2, 8), (Int(updated, "MinCapacity"), Int(updated, "MaxCapacity")));
    }

    [Fact]
    public async Task Target_validation_errors()
    {
        await SetUpServiceAsync(1);

        var noService = await Client.AasFailsAsync("RegisterScalableTarget", new JsonObject
        {
            ["ServiceNamespace"] = "ecs", ["ResourceId"] = "service/default/ghost", ["ScalableDimension"] = "ecs:service:DesiredCount", ["MinCapacity"] = 1, ["MaxCapacity"] = 2,
        });
        var inverted = await Client.AasFailsAsync("RegisterScalableTarget", Target(new JsonObject { ["MinCapacity"] = 5, ["MaxCapacity"] = 2 }));
        var deregisterMissing = await Client.AasFailsAsync("DeregisterScalableTarget", Target());
        var policyWithoutTarget = await Client.AasFailsAsync("PutScalingPolicy", Target(new JsonObject
        {
            ["PolicyName"] = "cpu", ["PolicyType"] = "TargetTrackingScaling",
            ["TargetTrackingScalingPolicyConfiguration"] = new JsonObject { ["TargetValue"] = 50.0 },
        }));

        Assert.Equal("ValidationException", noService.Code);
        Assert.Equal("ValidationException", inverted.Code);
        Assert.Equal("ObjectNotFoundException", deregisterMissing.Code);
        Assert.Contains("resource ID: service/default/web", deregisterMissing.AwsMessage, StringComparison.Ordinal);
        Assert.Equal("ObjectNotFoundException", policyWithoutTarget.Code);
    }

    [Fact]
    public async Task Scaling_policies_are_created_updated_described_and_deleted()
    {
        await SetUpServiceAsync(1);
        await Client.AasAsync("RegisterScalableTarget", Target(new JsonObject { ["MinCapacity"] = 1, ["MaxCapacity"] = 4 }));
        JsonObject Policy(bool disableScaleIn) => Target(new JsonObject
        {
            ["PolicyName"] = "cpu50",
            ["PolicyType"] = "TargetTrackingScaling",
            ["TargetTrackingScalingPolicyConfiguration"] = new JsonObject
            {
                ["TargetValue"] = 50.0,
                ["PredefinedMetricSpecification"] = new JsonObject { ["PredefinedMetricType"] = "ECSServiceAverageCPUUtilization" },
                ["ScaleOutCooldown"] = 60,
                ["DisableScaleIn"] = disableScaleIn,
            },
        });

        var created = await Client.AasAsync("PutScalingPolicy", Policy(false));
        var updated = await Client.AasAsync("PutScalingPolicy", Policy(true));
        await Client.AasAsync("PutScalingPolicy", Target(new JsonObject
        {
            ["PolicyName"] = "steps",
            ["PolicyType"] = "StepScaling",
            ["StepScalingPolicyConfiguration"] = new JsonObject
            {
                ["AdjustmentType"] = "ChangeInCapacity",
                ["StepAdjustments"] = new JsonArray { new JsonObject { ["MetricIntervalLowerBound"] = 0.0, ["ScalingAdjustment"] = 1 } },
            },
        }));
        var described = await Client.AasAsync("DescribeScalingPolicies", new JsonObject { ["ServiceNamespace"] = "ecs", ["ResourceId"] = ResourceId });
        var byName = await Client.AasAsync("DescribeScalingPolicies", new JsonObject { ["ServiceNamespace"] = "ecs", ["PolicyNames"] = new JsonArray { "steps" } });

        Assert.Equal(2, created["Alarms"]!.AsArray().Count);
        Assert.StartsWith("TargetTracking-service/default/web-AlarmHigh-", Str(created["Alarms"]![0], "AlarmName"), StringComparison.Ordinal);
        Assert.Single(updated["Alarms"]!.AsArray());
        Assert.Equal(Str(created, "PolicyARN"), Str(updated, "PolicyARN"));
        Assert.Contains(":policyName/cpu50", Str(created, "PolicyARN"), StringComparison.Ordinal);
        Assert.Equal(2, described["ScalingPolicies"]!.AsArray().Count);
        Assert.Equal(50.0, described["ScalingPolicies"]![0]!["TargetTrackingScalingPolicyConfiguration"]!["TargetValue"]!.GetValue<double>());
        Assert.Equal("StepScaling", Str(byName["ScalingPolicies"]!.AsArray().Single(), "PolicyType"));

        await Client.AasAsync("DeleteScalingPolicy", Target(new JsonObject { ["PolicyName"] = "cpu50" }));
        var again = await Client.AasFailsAsync("DeleteScalingPolicy", Target(new JsonObject { ["PolicyName"] = "cpu50" }));
        Assert.Equal("ObjectNotFoundException", again.Code);
    }

    [Fact]
    public async Task Scheduled_at_action_applies_its_capacity_when_the_clock_reaches_it()
    {
        await SetUpServiceAsync(1);
        await Client.AasAsync("RegisterScalableTarget", Target(new JsonObject { ["MinCapacity"] = 1, ["MaxCapacity"] = 10 }));
        var at = Sim.Clock.GetUtcNow().AddMinutes(2).UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);
        await Client.AasAsync("PutScheduledAction", Target(new JsonObject
        {
            ["ScheduledActionName"] = "morning",
            ["Schedule"] = $"at({at})",
            ["ScalableTargetAction"] = new JsonObject { ["MinCapacity"] = 3, ["MaxCapacity"] = 10 },
        }));
        var described = await Client.AasAsync("DescribeScheduledActions", new JsonObject { ["ServiceNamespace"] = "ecs", ["ResourceId"] = ResourceId });

        await Sim.AdvanceAsync(TimeSpan.FromMinutes(1), TestContext.Current.CancellationToken);
        var before = Int(await DescribeServiceAsync("web"), "desiredCount");
        await Sim.AdvanceAsync(TimeSpan.FromMinutes(1), TestContext.Current.CancellationToken);
        var after = Int(await DescribeServiceAsync("web"), "desiredCount");

        Assert.Equal($"at({at})", Str(described["ScheduledActions"]![0], "Schedule"));
        Assert.Contains(":scheduledActionName/morning", Str(described["ScheduledActions"]![0], "ScheduledActionARN"), StringComparison.Ordinal);
        Assert.Equal(1, before);
        Assert.Equal(3, after);

        await Client.AasAsync("DeleteScheduledAction", Target(new JsonObject { ["ScheduledActionName"] = "morning" }));
        Assert.Empty((await Client.AasAsync("DescribeScheduledActions", new JsonObject { ["ServiceNamespace"] = "ecs" }))["ScheduledActions"]!.AsArray());
        Assert.Equal("ObjectNotFoundException", (await Client.AasFailsAsync("DeleteScheduledAction", Target(new JsonObject { ["ScheduledActionName"] = "morning" }))).Code);
    }

    [Fact]
    public async Task Triggered_scaling_is_clamped_recorded_and_carried_out_by_the_scheduler()
    {
        await SetUpServiceAsync(2);
        await Client.AasAsync("RegisterScalableTarget", Target(new JsonObject { ["MinCapacity"] = 1, ["MaxCapacity"] = 4 }));
        await Client.AasAsync("PutScalingPolicy", Target(new JsonObject
        {
            ["PolicyName"] = "cpu50",
            ["PolicyType"] = "TargetTrackingScaling",
            ["TargetTrackingScalingPolicyConfiguration"] = new JsonObject
            {
                ["TargetValue"] = 50.0,
                ["PredefinedMetricSpecification"] = new JsonObject { ["PredefinedMetricType"] = "ECSServiceAverageCPUUtilization" },
            },
        }));
        await TickUntilRolloutAsync("web", "COMPLETED");

        var applied = Sim.TriggerScaling(ResourceId, 100);
        Sim.Tick(3);
        var service = await DescribeServiceAsync("web");
        var activities = await Client.AasAsync("DescribeScalingActivities", new JsonObject { ["ServiceNamespace"] = "ecs", ["MaxResults"] = 1 });

        Assert.Equal(4, applied);
        Assert.Equal(4, Int(service, "desiredCount"));
        Assert.Equal(4, Int(service, "runningCount"));
        Assert.Single(service["deployments"]!.AsArray());
        var activity = activities["ScalingActivities"]![0]!;
        Assert.Equal("Setting desired count to 4.", Str(activity, "Description"));
        Assert.Contains("triggered policy cpu50", Str(activity, "Cause"), StringComparison.Ordinal);
        Assert.Null(activities["NextToken"]);
    }

    [Fact]
    public async Task Scalable_targets_carry_tags_given_at_registration_and_via_TagResource()
    {
        await SetUpServiceAsync(1);
        var arn = Str(await Client.AasAsync("RegisterScalableTarget", Target(new JsonObject
        {
            ["MinCapacity"] = 1,
            ["MaxCapacity"] = 2,
            ["Tags"] = new JsonObject { ["ecs.operator.dev/owner"] = "c/ns/web" },
        })), "ScalableTargetARN");

        await Client.AasAsync("TagResource", new JsonObject { ["ResourceARN"] = arn, ["Tags"] = new JsonObject { ["team"] = "shop" } });
        await Client.AasAsync("UntagResource", new JsonObject { ["ResourceARN"] = arn, ["TagKeys"] = new JsonArray { "team" } });
        var tags = await Client.AasAsync("ListTagsForResource", new JsonObject { ["ResourceARN"] = arn });
        var missing = await Client.AasFailsAsync("ListTagsForResource", new JsonObject { ["ResourceARN"] = arn + "x" });

        Assert.Equal("c/ns/web", Str(tags["Tags"], "ecs.operator.dev/owner"));
        Assert.Single(tags["Tags"]!.AsObject());
        Assert.Equal("ResourceNotFoundException", missing.Code);
    }

    [Fact]
    public async Task Deregistering_a_target_removes_its_policies_and_scheduled_actions()
    {
        await SetUpServiceAsync(1);
        await Client.AasAsync("RegisterScalableTarget", Target(new JsonObject { ["MinCapacity"] = 1, ["MaxCapacity"] = 4 }));
        await Client.AasAsync("PutScalingPolicy", Target(new JsonObject
        {
            ["PolicyName"] = "steps",
            ["PolicyType"] = "StepScaling",
            ["StepScalingPolicyConfiguration"] = new JsonObject { ["AdjustmentType"] = "ChangeInCapacity" },
        }));
        await Client.AasAsync("PutScheduledAction", Target(new JsonObject { ["ScheduledActionName"] = "nightly", ["Schedule"] = "cron(0 0 * * ? *)" }));

        await Client.AasAsync("DeregisterScalableTarget", Target());

        Assert.Empty((await Client.AasAsync("DescribeScalableTargets", new JsonObject { ["ServiceNamespace"] = "ecs" }))["ScalableTargets"]!.AsArray());
        Assert.Empty((await Client.AasAsync("DescribeScalingPolicies", new JsonObject { ["ServiceNamespace"] = "ecs" }))["ScalingPolicies"]!.AsArray());
        Assert.Empty((await Client.AasAsync("DescribeScheduledActions", new JsonObject { ["ServiceNamespace"] = "ecs" }))["ScheduledActions"]!.AsArray());
    }
}
