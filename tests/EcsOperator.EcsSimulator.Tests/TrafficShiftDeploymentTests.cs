using System.Text.Json.Nodes;

namespace EcsOperator.Simulator.Tests;

/// <summary>Native BLUE_GREEN, LINEAR and CANARY deployments: stages, traffic steps, bake time, hooks, rollback.</summary>
public sealed class TrafficShiftDeploymentTests : SimTest
{
    private const string Hook = "arn:aws:lambda:us-east-1:123456789012:function:verify";

    /// <summary>One DescribeServiceDeployments observation of the newest service deployment.</summary>
    private sealed record Observation(DateTimeOffset At, string Status, string Stage, double Production, double Test, JsonObject Raw);

    private static JsonArray LoadBalancers() => new()
    {
        new JsonObject
        {
            ["targetGroupArn"] = "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/blue/1",
            ["containerName"] = "app",
            ["containerPort"] = 80,
            ["advancedConfiguration"] = new JsonObject
            {
                ["alternateTargetGroupArn"] = "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/green/2",
                ["productionListenerRule"] = "arn:aws:elasticloadbalancing:us-east-1:123456789012:listener-rule/app/web/1/2/3",
                ["testListenerRule"] = "arn:aws:elasticloadbalancing:us-east-1:123456789012:listener-rule/app/web/1/2/4",
                ["roleArn"] = "arn:aws:iam::123456789012:role/ecs-elb",
            },
        },
    };

    private async Task<(string V1, string V2)> StartRolloutAsync(JsonObject deploymentConfiguration, int desired = 2)
    {
        await CreateClusterAsync();
        var v1 = await RegisterAsync("web", "nginx:1");
        var v2 = await RegisterAsync("web", "nginx:2");
        await Client.EcsAsync("CreateService", new JsonObject
        {
            ["serviceName"] = "web",
            ["taskDefinition"] = v1,
            ["desiredCount"] = desired,
            ["loadBalancers"] = LoadBalancers(),
            ["deploymentConfiguration"] = deploymentConfiguration,
        });
        await TickUntilRolloutAsync("web", "COMPLETED");
        await Client.EcsAsync("UpdateService", new JsonObject { ["service"] = "web", ["taskDefinition"] = v2 });
        return (v1, v2);
    }

    private async Task<Observation> ObserveAsync()
    {
        var list = await Client.EcsAsync("ListServiceDeployments", new JsonObject { ["service"] = "web" });
        var arn = Str(list["serviceDeployments"]![0], "serviceDeploymentArn");
        var described = await Client.EcsAsync("DescribeServiceDeployments", new JsonObject { ["serviceDeploymentArns"] = new JsonArray { arn } });
        var sd = described["serviceDeployments"]![0]!.AsObject();
        var target = sd["targetServiceRevision"]!;
        return new Observation(
            Sim.Clock.GetUtcNow(),
            Str(sd, "status"),
            Str(sd, "lifecycleStage"),
            target["requestedProductionTrafficWeight"]?.GetValue<double>() ?? -1,
            target["requestedTestTrafficWeight"]?.GetValue<double>() ?? -1,
            sd);
    }

    /// <summary>Ticks, observing after each tick, until the deployment leaves IN_PROGRESS (or a limit).</summary>
    private async Task<List<Observation>> FollowAsync(int maxTicks = 400, Func<Observation, Task>? each = null)
    {
        var seen = new List<Observation>();
        for (var i = 0; i < maxTicks; i++)
        {
            Sim.Tick();
            var o = await ObserveAsync();
            seen.Add(o);
            if (each is not null)
            {
                await each(o);
            }

            if (o.Status is "SUCCESSFUL" or "ROLLBACK_SUCCESSFUL" or "STOPPED" or "ROLLBACK_FAILED")
            {
                return seen;
            }
        }

        throw new Xunit.Sdk.XunitException($"deployment still {seen[^1].Status} at {seen[^1].Stage} after {maxTicks} ticks");
    }

    private async Task<List<string>> RunningTaskDefinitionsAsync()
    {
        var tasks = await DescribeTasksAsync("default", await ListTaskArnsAsync(new JsonObject { ["serviceName"] = "web" }));
        return tasks.Where(t => Str(t, "lastStatus") == "RUNNING").Select(t => Str(t, "taskDefinitionArn")).Distinct().Order().ToList();
    }

    [Fact]
    public async Task Blue_green_walks_every_stage_shifts_test_then_production_traffic_bakes_on_the_clock_and_cleans_up_blue()
    {
        var (v1, v2) = await StartRolloutAsync(new JsonObject { ["strategy"] = "BLUE_GREEN", ["bakeTimeInMinutes"] = 5 });
        var bothRunningDuringBake = false;

        var seen = await FollowAsync(each: async o =>
        {
            if (o.Stage == "BAKE_TIME")
            {
                bothRunningDuringBake |= (await RunningTaskDefinitionsAsync()).SequenceEqual(new[] { v1, v2 }.Order());
            }
        });

        var stages = seen.Select(o => o.Stage).Distinct().ToList();
        Assert.Equal(
            ["PRE_SCALE_UP", "SCALE_UP", "POST_SCALE_UP", "TEST_TRAFFIC_SHIFT", "POST_TEST_TRAFFIC_SHIFT", "PRODUCTION_TRAFFIC_SHIFT",
             "POST_PRODUCTION_TRAFFIC_SHIFT", "BAKE_TIME", "CLEAN_UP"],
            stages);
        Assert.All(seen.Where(o => o.Stage is "PRE_SCALE_UP" or "SCALE_UP" or "POST_SCALE_UP"), o => Assert.Equal(0, o.Production));
        Assert.All(seen.Where(o => o.Stage == "POST_TEST_TRAFFIC_SHIFT"), o => Assert.Equal((100.0, 0.0), (o.Test, o.Production)));
        Assert.All(seen.Where(o => o.Stage == "BAKE_TIME"), o => Assert.Equal(100, o.Production));
        var bake = seen.Where(o => o.Stage == "BAKE_TIME").ToList();
        Assert.True(bake[^1].At - bake[0].At >= TimeSpan.FromMinutes(5) - Sim.Options.TickDuration, $"baked {bake[^1].At - bake[0].At}");
        Assert.True(bothRunningDuringBake, "blue and green should both run during BAKE_TIME");
        Assert.Equal("SUCCESSFUL", seen[^1].Status);
        Assert.Equal(0, seen[^1].Raw["sourceServiceRevisions"]![0]!["requestedProductionTrafficWeight"]!.GetValue<double>());
        Assert.Equal([v2], await RunningTaskDefinitionsAsync());
        Assert.Single((await DescribeServiceAsync("web"))["deployments"]!.AsArray());
    }

    [Fact]
    public async Task Linear_shifts_production_traffic_in_equal_steps_with_the_step_bake_time_between_them()
    {
        await StartRolloutAsync(new JsonObject
        {
            ["strategy"] = "LINEAR",
            ["linearConfiguration"] = new JsonObject { ["stepPercent"] = 25.0, ["stepBakeTimeInMinutes"] = 2 },
        });

        var seen = await FollowAsync();

        var steps = seen.Where(o => o.Production > 0).GroupBy(o => o.Production).Select(g => (Percent: g.Key, First: g.First().At)).ToList();
        Assert.Equal([25.0, 50.0, 75.0, 100.0], steps.Select(s => s.Percent));
        for (var i = 1; i < steps.Count; i++)
        {
            Assert.True(steps[i].First - steps[i - 1].First >= TimeSpan.FromMinutes(2), $"step {i} came {steps[i].First - steps[i - 1].First} after the previous one");
        }

        Assert.Equal("SUCCESSFUL", seen[^1].Status);
    }

    [Fact]
    public async Task Canary_shifts_the_canary_percent_waits_the_canary_bake_time_then_the_rest()
    {
        await StartRolloutAsync(new JsonObject
        {
            ["strategy"] = "CANARY",
            ["canaryConfiguration"] = new JsonObject { ["canaryPercent"] = 10.0, ["canaryBakeTimeInMinutes"] = 3 },
        });

        var seen = await FollowAsync();

        var canary = seen.Where(o => o.Production == 10).ToList();
        Assert.NotEmpty(canary);
        Assert.True(canary[^1].At - canary[0].At >= TimeSpan.FromMinutes(3) - Sim.Options.TickDuration);
        Assert.Equal([10.0, 100.0], seen.Where(o => o.Production > 0).Select(o => o.Production).Distinct());
        Assert.Equal("SUCCESSFUL", seen[^1].Status);
    }

    [Fact]
    public async Task A_failing_hook_rolls_a_linear_deployment_back_and_traffic_returns_to_the_source_revision()
    {
        Sim.Rules.FailLifecycleHook("POST_PRODUCTION_TRAFFIC_SHIFT");
        var (v1, _) = await StartRolloutAsync(new JsonObject
        {
            ["strategy"] = "LINEAR",
            ["linearConfiguration"] = new JsonObject { ["stepPercent"] = 50.0, ["stepBakeTimeInMinutes"] = 1 },
            ["lifecycleHooks"] = new JsonArray
            {
                new JsonObject
                {
                    ["hookTargetArn"] = Hook,
                    ["roleArn"] = "arn:aws:iam::123456789012:role/hooks",
                    ["lifecycleStages"] = new JsonArray { "PRODUCTION_TRAFFIC_SHIFT", "POST_PRODUCTION_TRAFFIC_SHIFT" },
                },
            },
        });

        var seen = await FollowAsync();

        Assert.Contains(seen, o => o.Production == 100);
        Assert.Contains(seen, o => o.Status == "ROLLBACK_IN_PROGRESS");
        var last = seen[^1];
        Assert.Equal("ROLLBACK_SUCCESSFUL", last.Status);
        Assert.Equal((0.0, 0.0), (last.Production, last.Test));
        var sourceRevision = Str(last.Raw["sourceServiceRevisions"]![0], "arn");
        Assert.Equal(sourceRevision, Str(last.Raw["rollback"], "serviceRevisionArn"));
        Assert.Equal(100, last.Raw["sourceServiceRevisions"]![0]!["requestedProductionTrafficWeight"]!.GetValue<double>());
        var hooks = last.Raw["lifecycleHookDetails"]!.AsArray();
        Assert.Equal("FAILED", Str(hooks[^1], "status"));
        Assert.Equal(Hook, Str(hooks[^1], "targetArn"));
        Assert.Equal([v1], await RunningTaskDefinitionsAsync());
        Assert.Equal(v1, Str(await DescribeServiceAsync("web"), "taskDefinition"));
    }

    [Fact]
    public async Task StopServiceDeployment_with_rollback_during_the_canary_bake_restores_blue_once()
    {
        var (v1, _) = await StartRolloutAsync(new JsonObject
        {
            ["strategy"] = "CANARY",
            ["canaryConfiguration"] = new JsonObject { ["canaryPercent"] = 20.0, ["canaryBakeTimeInMinutes"] = 30 },
        });
        Assert.True(await TickUntilAsync(async () => (await ObserveAsync()).Production == 20, maxTicks: 40));
        var arn = Str((await ObserveAsync()).Raw, "serviceDeploymentArn");

        var stopped = await Client.EcsAsync("StopServiceDeployment", new JsonObject { ["serviceDeploymentArn"] = arn, ["stopType"] = "ROLLBACK" });
        var seen = await FollowAsync();
        var again = await Client.EcsFailsAsync("StopServiceDeployment", new JsonObject { ["serviceDeploymentArn"] = arn, ["stopType"] = "ROLLBACK" });
        var rolledBack = await Client.EcsAsync("ListServiceDeployments", new JsonObject { ["service"] = "web", ["status"] = new JsonArray { "ROLLBACK_SUCCESSFUL" } });
        var successful = await Client.EcsAsync("ListServiceDeployments", new JsonObject { ["service"] = "web", ["status"] = new JsonArray { "SUCCESSFUL" } });

        Assert.Equal(arn, Str(stopped, "serviceDeploymentArn"));
        Assert.Equal("ROLLBACK_SUCCESSFUL", seen[^1].Status);
        Assert.True(seen.Count < 20, "a rollback does not wait for the canary bake time");
        Assert.Equal("ConflictException", again.Code);
        Assert.Equal(arn, Str(rolledBack["serviceDeployments"]!.AsArray().Single(), "serviceDeploymentArn"));
        Assert.DoesNotContain(successful["serviceDeployments"]!.AsArray(), d => Str(d, "serviceDeploymentArn") == arn);
        Assert.Equal([v1], await RunningTaskDefinitionsAsync());
    }

    [Fact]
    public async Task Traffic_shifting_strategies_need_an_advanced_load_balancer_and_valid_step_sizes()
    {
        await CreateClusterAsync();
        var v1 = await RegisterAsync("web", "nginx:1");

        var noAdvanced = await Client.EcsFailsAsync("CreateService", new JsonObject
        {
            ["serviceName"] = "web",
            ["taskDefinition"] = v1,
            ["desiredCount"] = 1,
            ["deploymentConfiguration"] = new JsonObject { ["strategy"] = "BLUE_GREEN", ["bakeTimeInMinutes"] = 5 },
        });
        var tinyStep = await Client.EcsFailsAsync("CreateService", new JsonObject
        {
            ["serviceName"] = "web",
            ["taskDefinition"] = v1,
            ["desiredCount"] = 1,
            ["loadBalancers"] = LoadBalancers(),
            ["deploymentConfiguration"] = new JsonObject { ["strategy"] = "LINEAR", ["linearConfiguration"] = new JsonObject { ["stepPercent"] = 2.0 } },
        });

        Assert.Equal("InvalidParameterException", noAdvanced.Code);
        Assert.Contains("advancedConfiguration", noAdvanced.AwsMessage, StringComparison.Ordinal);
        Assert.Equal("InvalidParameterException", tinyStep.Code);
        Assert.Contains("stepPercent", tinyStep.AwsMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_rolling_service_keeps_reporting_no_traffic_weights()
    {
        await CreateClusterAsync();
        var v1 = await RegisterAsync("web", "nginx:1");
        var v2 = await RegisterAsync("web", "nginx:2");
        await CreateServiceAsync("web", v1, 1);
        await TickUntilRolloutAsync("web", "COMPLETED");
        await Client.EcsAsync("UpdateService", new JsonObject { ["service"] = "web", ["taskDefinition"] = v2 });

        var seen = await FollowAsync();

        Assert.All(seen, o => Assert.Equal(-1, o.Production));
        Assert.Equal("SUCCESSFUL", seen[^1].Status);
    }
}
