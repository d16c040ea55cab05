using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using EcsOperator.Simulator.Controls;

namespace EcsOperator.Simulator.Tests;

public sealed class FaultInjectionTests : SimTest
{
    [Fact]
    public async Task Injected_failures_hit_the_next_calls_only_and_change_nothing()
    {
        await CreateClusterAsync();
        var td = await RegisterAsync("web", "nginx:1");
        Sim.Faults.FailNext("CreateService", 2, "ServiceUnavailableException", HttpStatusCode.ServiceUnavailable);

        var first = await Client.EcsFailsAsync("CreateService", new JsonObject { ["serviceName"] = "web", ["taskDefinition"] = td, ["desiredCount"] = 1 });
        var second = await Client.EcsFailsAsync("CreateService", new JsonObject { ["serviceName"] = "web", ["taskDefinition"] = td, ["desiredCount"] = 1 });
        var listed = await Client.EcsAsync("ListServices", []);
        await CreateServiceAsync("web", td, 1);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, first.Status);
        Assert.Equal("ServiceUnavailableException", second.Code);
        Assert.Empty(listed["serviceArns"]!.AsArray());
        Assert.Equal(3, Sim.Calls["CreateService"]);
    }

    [Fact]
    public async Task ThrottleNext_returns_ThrottlingException_400()
    {
        Sim.Faults.ThrottleNext("ListClusters", 1);

        var throttled = await Client.EcsFailsAsync("ListClusters", []);
        await Client.EcsAsync("ListClusters", []);

        Assert.Equal((HttpStatusCode.BadRequest, "ThrottlingException", "Rate exceeded"), (throttled.Status, throttled.Code, throttled.AwsMessage));
    }

    [Fact]
    public async Task Token_bucket_throttles_a_family_and_refills_with_the_simulator_clock()
    {
        await CreateClusterAsync();
        Sim.Faults.EnableThrottling(ThrottleFamily.Read, burst: 2, refillPerSecond: 1);

        await Client.EcsAsync("ListClusters", []);
        await Client.EcsAsync("DescribeClusters", []);
        var throttled = await Client.EcsFailsAsync("ListServices", []);
        await Client.EcsAsync("UpdateCluster", new JsonObject { ["cluster"] = "default" });
        await Sim.AdvanceAsync(TimeSpan.FromSeconds(1), TestContext.Current.CancellationToken);
        await Client.EcsAsync("ListServices", []);
        var again = await Client.EcsFailsAsync("ListServices", []);
        Sim.Faults.DisableThrottling();
        await Client.EcsAsync("ListServices", []);

        Assert.Equal("ThrottlingException", throttled.Code);
        Assert.Equal("ThrottlingException", again.Code);
        Assert.Equal(ThrottleFamily.RunTask, FaultInjector.FamilyOf("RunTask"));
        Assert.Equal(ThrottleFamily.Mutate, FaultInjector.FamilyOf("UpdateService"));
    }

    [Fact]
    public async Task Latency_delays_the_chosen_operation()
    {
        Sim.Faults.SetLatency("ListClusters", TimeSpan.FromMilliseconds(150));

        var watch = Stopwatch.StartNew();
        await Client.EcsAsync("ListClusters", []);
        var slow = watch.Elapsed;
        Sim.Faults.ClearLatency();

        Assert.True(slow >= TimeSpan.FromMilliseconds(140), $"took {slow}");
    }

    [Fact]
    public async Task Calls_are_counted_per_operation_and_can_be_reset()
    {
        await Client.EcsAsync("ListClusters", []);
        await Client.EcsAsync("ListClusters", []);
        await Client.EcsFailsAsync("DescribeServices", new JsonObject { ["services"] = new JsonArray { "x" } });
        await Client.AasAsync("DescribeScalableTargets", new JsonObject { ["ServiceNamespace"] = "ecs" });
        await Client.EcsFailsAsync("ListTagsForResource", new JsonObject { ["resourceArn"] = "bad" });
        await Client.AasFailsAsync("ListTagsForResource", new JsonObject { ["ResourceARN"] = "bad" });

        Assert.Equal(2, Sim.Calls["ListClusters"]);
        Assert.Equal(2, Sim.Calls["ecs:ListClusters"]);
        Assert.Equal(2, Sim.Calls["ListTagsForResource"]);
        Assert.Equal(1, Sim.Calls["application-autoscaling:ListTagsForResource"]);
        Assert.Equal(1, Sim.Calls["DescribeServices"]);
        Assert.Equal(1, Sim.Calls["DescribeScalableTargets"]);
        Assert.Equal(6, Sim.Calls.Total);

        Sim.Calls.Reset();
        Assert.Equal(0, Sim.Calls["ListClusters"]);
        Assert.Empty(Sim.Calls.Snapshot());
    }
}
