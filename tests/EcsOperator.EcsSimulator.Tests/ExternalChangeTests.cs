using System.Text.Json.Nodes;

namespace EcsOperator.Simulator.Tests;

/// <summary>Someone changes AWS behind the operator's back; the simulator behaves as ECS would.</summary>
public sealed class ExternalChangeTests : SimTest
{
    [Fact]
    public async Task External_task_definition_change_starts_a_deployment()
    {
        await CreateClusterAsync();
        var v1 = await RegisterAsync("web", "nginx:1");
        var v2 = await RegisterAsync("web", "nginx:2");
        await CreateServiceAsync("web", v1, 2);
        await TickUntilRolloutAsync("web", "COMPLETED");
        Sim.Calls.Reset();

        Sim.SetServiceTaskDefinition("default", "web", "web:2");
        var during = await DescribeServiceAsync("web");
        var after = await TickUntilRolloutAsync("web", "COMPLETED");

        Assert.Equal(v2, Str(during, "taskDefinition"));
        Assert.Equal(2, during["deployments"]!.AsArray().Count);
        Assert.Equal(v2, Str(after["deployments"]![0], "taskDefinition"));
        Assert.Equal(0, Sim.Calls["UpdateService"]);
    }

    [Fact]
    public async Task External_desired_count_change_scales_without_deployment()
    {
        await CreateClusterAsync();
        var v1 = await RegisterAsync("web", "nginx:1");
        await CreateServiceAsync("web", v1, 3);
        await TickUntilRolloutAsync("web", "COMPLETED");

        Sim.SetDesiredCount("default", "web", 1);
        Sim.Tick(2);
        var service = await DescribeServiceAsync("web");

        Assert.Equal(1, Int(service, "desiredCount"));
        Assert.Equal(1, Int(service, "runningCount"));
        Assert.Single(service["deployments"]!.AsArray());
        Assert.Equal("(service web) has reached a steady state.", Str(service["events"]![0], "message"));
    }

    [Fact]
    public async Task External_network_change_starts_a_deployment_with_the_new_subnets()
    {
        await CreateClusterAsync();
        var td = await RegisterAsync("api", "api:1", networkMode: "awsvpc");
        await Client.EcsAsync("CreateService", new JsonObject
        {
            ["serviceName"] = "api",
            ["taskDefinition"] = td,
            ["desiredCount"] = 1,
            ["launchType"] = "FARGATE",
            ["networkConfiguration"] = new JsonObject { ["awsvpcConfiguration"] = new JsonObject { ["subnets"] = new JsonArray { "subnet-a" } } },
        });
        await TickUntilRolloutAsync("api", "COMPLETED");

        Sim.SetServiceNetworkConfiguration("default", "api", new JsonObject
        {
            ["awsvpcConfiguration"] = new JsonObject { ["subnets"] = new JsonArray { "subnet-b" }, ["assignPublicIp"] = "ENABLED" },
        });
        var service = await DescribeServiceAsync("api");

        Assert.Equal(2, service["deployments"]!.AsArray().Count);
        Assert.Equal("subnet-b", service["networkConfiguration"]!["awsvpcConfiguration"]!["subnets"]![0]!.GetValue<string>());
        Assert.Equal("subnet-a", service["deployments"]![1]!["networkConfiguration"]!["awsvpcConfiguration"]!["subnets"]![0]!.GetValue<string>());
        Assert.Equal("FARGATE", Str(service, "launchType"));
    }

    [Fact]
    public async Task Crashed_service_task_is_replaced_and_the_service_returns_to_steady_state()
    {
        await CreateClusterAsync();
        var td = await RegisterAsync("web", "nginx:1");
        await CreateServiceAsync("web", td, 2);
        await TickUntilRolloutAsync("web", "COMPLETED");
        var victim = (await ListTaskArnsAsync(new JsonObject { ["serviceName"] = "web" }))[0];

        Sim.CrashTask(victim, exitCode: 139);
        var crashed = (await DescribeTasksAsync("default", [victim]))[0];
        var degraded = await DescribeServiceAsync("web");
        Sim.Tick(3);
        var healed = await DescribeServiceAsync("web");
        var running = await ListTaskArnsAsync(new JsonObject { ["serviceName"] = "web" });

        Assert.Equal("STOPPED", Str(crashed, "lastStatus"));
        Assert.Equal("EssentialContainerExited", Str(crashed, "stopCode"));
        Assert.Equal(139, Int(crashed["containers"]![0], "exitCode"));
        Assert.Equal(1, Int(degraded, "runningCount"));
        Assert.Equal(2, Int(healed, "runningCount"));
        Assert.DoesNotContain(victim, running);
        Assert.Equal("(service web) has reached a steady state.", Str(healed["events"]![0], "message"));
        Assert.Equal("COMPLETED", Str(healed["deployments"]![0], "rolloutState"));
        Assert.Throws<InvalidOperationException>(() => Sim.CrashTask(victim));
    }

    [Fact]
    public async Task Reset_forgets_everything()
    {
        await CreateClusterAsync();
        Sim.Rules.FailImage("*");
        Sim.Reset();

        Assert.Empty((await Client.EcsAsync("ListClusters", []))["clusterArns"]!.AsArray());
        await CreateClusterAsync();
        var td = await RegisterAsync("web", "nginx:1");
        await CreateServiceAsync("web", td, 1);
        await TickUntilRolloutAsync("web", "COMPLETED");
    }
}
