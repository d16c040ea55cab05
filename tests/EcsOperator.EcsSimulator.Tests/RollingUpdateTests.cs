using System.Text.Json.Nodes;

namespace EcsOperator.Simulator.Tests;

/// <summary>
/// The ECS rolling update contract: during a deployment, tasks in RUNNING or PENDING never exceed maximumPercent of
/// desired (rounded down) and healthy RUNNING tasks never drop below minimumHealthyPercent (rounded up).
/// </summary>
public sealed class RollingUpdateTests : SimTest
{
    [Theory]
    [InlineData(4, 100, 200)]
    [InlineData(4, 50, 100)]
    [InlineData(6, 50, 150)]
    [InlineData(3, 0, 100)]
    [InlineData(5, 100, 120)]
    [InlineData(1, 0, 100)]
    [InlineData(2, 100, 200)]
    [InlineData(10, 90, 110)]
    public async Task Every_tick_respects_minimum_healthy_and_maximum_percent(int desired, int minPercent, int maxPercent)
    {
        await CreateClusterAsync();
        var v1 = await RegisterAsync("web", "nginx:1");
        var v2 = await RegisterAsync("web", "nginx:2");
        await CreateServiceAsync("web", v1, desired, new JsonObject { ["minimumHealthyPercent"] = minPercent, ["maximumPercent"] = maxPercent });
        await TickUntilRolloutAsync("web", "COMPLETED");

        await Client.EcsAsync("UpdateService", new JsonObject { ["service"] = "web", ["taskDefinition"] = v2 });
        var minHealthy = (int)Math.Ceiling(desired * minPercent / 100.0);
        var maxTotal = (int)Math.Floor(desired * maxPercent / 100.0);
        var completed = false;
        for (var tick = 0; tick < 80 && !completed; tick++)
        {
            var (physical, healthy) = await CountTasksAsync();
            Assert.True(physical <= maxTotal, $"tick {tick}: {physical} tasks RUNNING/PENDING exceeds maximumPercent bound {maxTotal}");
            Assert.True(healthy >= minHealthy, $"tick {tick}: {healthy} healthy tasks is below minimumHealthyPercent bound {minHealthy}");
            var service = await DescribeServiceAsync("web");
            completed = service["deployments"]!.AsArray().Count == 1 && Str(service["deployments"]![0], "rolloutState") == "COMPLETED";
            Sim.Tick();
        }

        Assert.True(completed, "deployment did not complete");
        var running = await DescribeTasksAsync("default", await ListTaskArnsAsync(new JsonObject { ["serviceName"] = "web" }));
        Assert.Equal(desired, running.Count);
        Assert.All(running, t => Assert.Equal(v2, Str(t, "taskDefinitionArn")));
        Assert.All(running, t => Assert.Equal("RUNNING", Str(t, "lastStatus")));
    }

    [Fact]
    public async Task Old_tasks_are_stopped_by_the_scheduler_with_the_ECS_reason()
    {
        await CreateClusterAsync();
        var v1 = await RegisterAsync("web", "nginx:1");
        var v2 = await RegisterAsync("web", "nginx:2");
        await CreateServiceAsync("web", v1, 2);
        await TickUntilRolloutAsync("web", "COMPLETED");
        var oldTasks = await ListTaskArnsAsync(new JsonObject { ["serviceName"] = "web" });

        await Client.EcsAsync("UpdateService", new JsonObject { ["service"] = "web", ["taskDefinition"] = v2 });
        var done = await TickUntilRolloutAsync("web", "COMPLETED");
        var primaryId = Str(done["deployments"]![0], "id");

        var old = await DescribeTasksAsync("default", oldTasks);
        Assert.All(old, t =>
        {
            Assert.Equal("STOPPED", Str(t, "lastStatus"));
            Assert.Equal("ServiceSchedulerInitiated", Str(t, "stopCode"));
            Assert.Equal($"Scaling activity initiated by (deployment {primaryId})", Str(t, "stoppedReason"));
        });
        Assert.Contains(done["events"]!.AsArray(), e => Str(e, "message").StartsWith("(service web) has stopped 2 running tasks:", StringComparison.Ordinal));
    }

    private async Task<(int Physical, int Healthy)> CountTasksAsync()
    {
        var desiredRunning = await DescribeTasksAsync("default", await ListTaskArnsAsync(new JsonObject { ["serviceName"] = "web" }));
        var desiredStopped = await DescribeTasksAsync("default", await ListTaskArnsAsync(new JsonObject { ["serviceName"] = "web", ["desiredStatus"] = "STOPPED" }));
        var physical = desiredRunning.Concat(desiredStopped).Count(t => Str(t, "lastStatus") is "PROVISIONING" or "PENDING" or "ACTIVATING" or "RUNNING");
        var healthy = desiredRunning.Count(t => Str(t, "lastStatus") == "RUNNING");
        return (physical, healthy);
    }
}
