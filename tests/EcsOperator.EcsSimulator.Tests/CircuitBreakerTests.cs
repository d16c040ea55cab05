using System.Text.Json.Nodes;
using EcsOperator.Simulator.Ecs;

namespace EcsOperator.Simulator.Tests;

/// <summary>The deployment circuit breaker as the ECS developer guide describes it.</summary>
public sealed class CircuitBreakerTests : SimTest
{
    private static JsonObject Breaker(bool enable, bool rollback, int maxPercent = 200) => new()
    {
        ["deploymentCircuitBreaker"] = new JsonObject { ["enable"] = enable, ["rollback"] = rollback },
        ["maximumPercent"] = maxPercent,
        ["minimumHealthyPercent"] = 100,
    };

    [Theory]
    [InlineData(0, 3)]
    [InlineData(1, 3)]
    [InlineData(6, 3)]
    [InlineData(7, 4)]
    [InlineData(10, 5)]
    [InlineData(399, 200)]
    [InlineData(1000, 200)]
    public void Threshold_is_half_the_desired_count_between_3_and_200(int desired, int threshold) =>
        Assert.Equal(threshold, Scheduler.CircuitBreakerThreshold(desired));

    [Fact]
    public async Task Failing_deployment_trips_the_breaker_and_rolls_back_to_the_last_completed_one()
    {
        await CreateClusterAsync();
        var good = await RegisterAsync("web", "repo/good:1");
        var bad = await RegisterAsync("web", "repo/bad:2");
        Sim.Rules.FailImage("repo/bad:*", exitCode: 1);
        await CreateServiceAsync("web", good, 4, Breaker(enable: true, rollback: true));
        var completed = await TickUntilRolloutAsync("web", "COMPLETED");
        var goodDeploymentId = Str(completed["deployments"]![0], "id");
        var firstRevision = Str(completed["currentServiceRevisions"]![0], "arn");

        await Client.EcsAsync("UpdateService", new JsonObject { ["service"] = "web", ["taskDefinition"] = bad });
        JsonNode? failed = null;
        for (var tick = 0; tick < 40 && failed is null; tick++)
        {
            Sim.Tick();
            var service = await DescribeServiceAsync("web");
            Assert.True(Int(service, "runningCount") >= 4, "old tasks must keep serving while the new ones fail");
            failed = service["deployments"]!.AsArray().FirstOrDefault(d => Str(d, "rolloutState") == "FAILED");
        }

        Assert.NotNull(failed);
        Assert.Equal("ECS deployment circuit breaker: tasks failed to start.", Str(failed, "rolloutStateReason"));
        Assert.True(Int(failed, "failedTasks") >= 3);

        var rolledBack = await TickUntilRolloutAsync("web", "COMPLETED");
        var primary = rolledBack["deployments"]!.AsArray().Single()!;
        Assert.Equal(good, Str(rolledBack, "taskDefinition"));
        Assert.Equal(good, Str(primary, "taskDefinition"));
        Assert.NotEqual(goodDeploymentId, Str(primary, "id"));
        Assert.Equal(4, Int(rolledBack, "runningCount"));
        Assert.Contains(rolledBack["events"]!.AsArray(), e => Str(e, "message").Contains("deployment failed: tasks failed to start.", StringComparison.Ordinal));

        var list = (await Client.EcsAsync("ListServiceDeployments", new JsonObject { ["service"] = "web" }))["serviceDeployments"]!.AsArray();
        Assert.Equal("ROLLBACK_SUCCESSFUL", Str(list[0], "status"));
        var sd = (await Client.EcsAsync("DescribeServiceDeployments", new JsonObject { ["serviceDeploymentArns"] = new JsonArray { Str(list[0], "serviceDeploymentArn") } }))["serviceDeployments"]![0]!;
        Assert.Equal("TRIGGERED", Str(sd["deploymentCircuitBreaker"], "status"));
        Assert.Equal(3, Int(sd["deploymentCircuitBreaker"], "threshold"));
        Assert.True(Int(sd["deploymentCircuitBreaker"], "failureCount") >= 3);
        Assert.Equal(firstRevision, Str(sd["rollback"], "serviceRevisionArn"));

        var stopped = await DescribeTasksAsync("default", await ListTaskArnsAsync(new JsonObject { ["desiredStatus"] = "STOPPED", ["family"] = "web" }));
        var failedTask = stopped.First(t => Str(t, "taskDefinitionArn") == bad);
        Assert.Equal("EssentialContainerExited", Str(failedTask, "stopCode"));
        Assert.Equal("Essential container in task exited", Str(failedTask, "stoppedReason"));
        Assert.Equal(1, Int(failedTask["containers"]![0], "exitCode"));
        Assert.Null(failedTask["startedAt"]);
    }

    [Fact]
    public async Task Breaker_trips_exactly_when_consecutive_failures_reach_the_threshold()
    {
        await CreateClusterAsync();
        var good = await RegisterAsync("web", "repo/good:1");
        var bad = await RegisterAsync("web", "repo/bad:2");
        Sim.Rules.FailImage("repo/bad:*");

        // maximumPercent 110 of 10 lets one extra task start at a time, so failures arrive one by one.
        await CreateServiceAsync("web", good, 10, Breaker(enable: true, rollback: false, maxPercent: 110));
        await TickUntilRolloutAsync("web", "COMPLETED");
        await Client.EcsAsync("UpdateService", new JsonObject { ["service"] = "web", ["taskDefinition"] = bad });

        var seen = new List<(string State, int Failed)>();
        for (var tick = 0; tick < 40; tick++)
        {
            Sim.Tick();
            var primary = (await DescribeServiceAsync("web"))["deployments"]![0]!;
            seen.Add((Str(primary, "rolloutState"), Int(primary, "failedTasks")));
        }

        Assert.All(seen.Where(s => s.State == "IN_PROGRESS"), s => Assert.True(s.Failed < 5));
        Assert.Equal(5, seen.First(s => s.State == "FAILED").Failed);

        // Without rollback the failed deployment stays PRIMARY, launches nothing more and the old tasks keep serving.
        var service = await DescribeServiceAsync("web");
        Assert.Equal("FAILED", Str(service["deployments"]![0], "rolloutState"));
        Assert.Equal(5, Int(service["deployments"]![0], "failedTasks"));
        Assert.Equal(10, Int(service, "runningCount"));
        Assert.Equal(bad, Str(service, "taskDefinition"));
    }

    [Fact]
    public async Task Without_the_breaker_ECS_keeps_retrying_failed_tasks()
    {
        await CreateClusterAsync();
        var good = await RegisterAsync("web", "repo/good:1");
        var bad = await RegisterAsync("web", "repo/bad:2");
        Sim.Rules.FailImagePull("repo/bad:*");
        await CreateServiceAsync("web", good, 2);
        await TickUntilRolloutAsync("web", "COMPLETED");
        await Client.EcsAsync("UpdateService", new JsonObject { ["service"] = "web", ["taskDefinition"] = bad });

        Sim.Tick(30);
        var service = await DescribeServiceAsync("web");
        var primary = service["deployments"]![0]!;

        Assert.Equal("IN_PROGRESS", Str(primary, "rolloutState"));
        Assert.True(Int(primary, "failedTasks") > 10);
        Assert.Equal(2, Int(service, "runningCount"));
        var stopped = await DescribeTasksAsync("default", (await ListTaskArnsAsync(new JsonObject { ["desiredStatus"] = "STOPPED" })).Take(1));
        Assert.Equal("TaskFailedToStart", Str(stopped[0], "stopCode"));
        Assert.StartsWith("CannotPullContainerError:", Str(stopped[0], "stoppedReason"), StringComparison.Ordinal);

        Assert.Contains(service["events"]!.AsArray(), e => Str(e, "message").StartsWith("(service web) is unable to consistently start tasks successfully.", StringComparison.Ordinal));

        // Fixing the image lets the same deployment finish.
        Sim.Rules.ClearImageFailures();
        await TickUntilRolloutAsync("web", "COMPLETED");
    }

    [Fact]
    public async Task Failed_task_count_resets_and_stops_counting_once_a_task_of_the_deployment_runs()
    {
        await CreateClusterAsync();
        var good = await RegisterAsync("web", "repo/good:1");
        var flaky = await RegisterAsync("web", "repo/flaky:2");
        await CreateServiceAsync("web", good, 10, Breaker(enable: true, rollback: true, maxPercent: 110));
        await TickUntilRolloutAsync("web", "COMPLETED");
        Sim.Rules.FailImage("repo/flaky:*");
        await Client.EcsAsync("UpdateService", new JsonObject { ["service"] = "web", ["taskDefinition"] = flaky });

        int Failed(JsonNode service) => Int(service["deployments"]![0], "failedTasks");
        Assert.True(await TickUntilAsync(async () => Failed(await DescribeServiceAsync("web")) == 2, maxTicks: 20));
        Sim.Rules.ClearImageFailures();

        // Tasks launched while the rule was on still fail; the first one launched after it reaches RUNNING.
        Assert.True(await TickUntilAsync(async () => Int((await DescribeServiceAsync("web"))["deployments"]![0], "runningCount") > 0, maxTicks: 10));
        var afterRunning = await DescribeServiceAsync("web");
        Sim.Rules.FailImage("repo/flaky:*");
        Sim.Tick(20);
        var later = await DescribeServiceAsync("web");

        Assert.Equal(0, Failed(afterRunning));
        Assert.Equal(0, Failed(later));
        Assert.True(Int(later["deployments"]![0], "runningCount") > 0);
        Assert.Equal("IN_PROGRESS", Str(later["deployments"]![0], "rolloutState"));
        Assert.Equal(flaky, Str(later, "taskDefinition"));
    }

    [Fact]
    public async Task Rollback_without_a_completed_deployment_stalls()
    {
        await CreateClusterAsync();
        var bad = await RegisterAsync("web", "repo/bad:1");
        Sim.Rules.FailImage("repo/bad:*", exitCode: 137);
        await CreateServiceAsync("web", bad, 2, Breaker(enable: true, rollback: true));

        var failed = await TickUntilRolloutAsync("web", "FAILED");
        Sim.Tick(5);
        var later = await DescribeServiceAsync("web");
        var list = (await Client.EcsAsync("ListServiceDeployments", new JsonObject { ["service"] = "web" }))["serviceDeployments"]!.AsArray();

        Assert.Single(failed["deployments"]!.AsArray());
        Assert.Equal(0, Int(later, "runningCount") + Int(later, "pendingCount"));
        Assert.Equal("STOPPED", Str(list.Single(), "status"));
    }
}
