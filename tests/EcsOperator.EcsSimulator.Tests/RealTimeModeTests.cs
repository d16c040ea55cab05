using System.Text.Json.Nodes;
using EcsOperator.Simulator;
using EcsOperator.Simulator.Tests;

// Deliberately outside EcsOperator.Simulator: proves other test projects can name EcsSimulator with one using.
namespace EcsOperator.Consumers;

public sealed class RealTimeModeTests
{
    [Fact]
    public async Task Real_time_mode_ticks_on_its_own()
    {
        await using var sim = await EcsSimulator.StartAsync(
            new EcsSimulatorOptions { Clock = TimeProvider.System, RealTimeTickInterval = TimeSpan.FromMilliseconds(10) },
            TestContext.Current.CancellationToken);
        using var client = new SimClient(sim.BaseAddress);
        await client.EcsAsync("CreateCluster", []);
        await client.EcsAsync("RegisterTaskDefinition", new JsonObject
        {
            ["family"] = "web",
            ["containerDefinitions"] = new JsonArray { new JsonObject { ["name"] = "app", ["image"] = "nginx", ["memory"] = 128 } },
        });
        await client.EcsAsync("CreateService", new JsonObject { ["serviceName"] = "web", ["taskDefinition"] = "web", ["desiredCount"] = 1 });

        var deadline = DateTime.UtcNow.AddSeconds(10);
        var running = 0;
        while (running == 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20, TestContext.Current.CancellationToken);
            var described = await client.EcsAsync("DescribeServices", new JsonObject { ["services"] = new JsonArray { "web" } });
            running = described["services"]![0]!["runningCount"]!.GetValue<int>();
        }

        Assert.Equal(1, running);
        Assert.Null(sim.ManualClock);
        Assert.True(sim.TickCount > 0);
    }
}
