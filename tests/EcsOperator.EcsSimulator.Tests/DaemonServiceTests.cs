using System.Text.Json.Nodes;

namespace EcsOperator.Simulator.Tests;

public sealed class DaemonServiceTests : Ec2Test
{
    [Fact]
    public async Task Daemon_runs_one_task_on_each_instance_matching_its_constraints()
    {
        await CreateClusterAsync();
        var t3a = Sim.AddContainerInstance(instanceType: "t3.medium");
        Sim.AddContainerInstance(instanceType: "m5.large");
        var t3b = Sim.AddContainerInstance(instanceType: "t3.large");
        var td = await RegisterEc2Async("agent", cpu: 128, memory: 256);

        var created = await CreateEc2ServiceAsync("agent", td, desired: 0, scheduling: "DAEMON", constraints: MemberOf("attribute:ecs.instance-type =~ t3.*"));
        Assert.Equal("DAEMON", Str(created, "schedulingStrategy"));
        Assert.Equal(2, Int(created, "desiredCount"));
        Assert.Equal(0, Int(created["deploymentConfiguration"], "minimumHealthyPercent"));
        Assert.Equal(100, Int(created["deploymentConfiguration"], "maximumPercent"));

        await TickUntilRolloutAsync("agent", "COMPLETED");
        var instances = (await ServiceTasksAsync("agent")).Select(t => Str(t, "containerInstanceArn")).Order().ToList();
        Assert.Equal(new[] { t3a, t3b }.Order().ToList(), instances);

        // A caller's desired count does not change a daemon.
        await Client.EcsAsync("UpdateService", new JsonObject { ["service"] = "agent", ["desiredCount"] = 10 });
        Sim.Tick(2);
        Assert.Equal(2, Int(await DescribeServiceAsync("agent"), "desiredCount"));
        Assert.Equal(2, (await ServiceTasksAsync("agent")).Count);
    }

    [Fact]
    public async Task New_instance_gets_a_daemon_task_and_a_removed_instance_loses_it()
    {
        await CreateClusterAsync();
        var first = Sim.AddContainerInstance();
        var td = await RegisterEc2Async("agent", cpu: 128, memory: 256);
        await CreateEc2ServiceAsync("agent", td, desired: 0, scheduling: "DAEMON");
        await TickUntilRolloutAsync("agent", "COMPLETED");

        var second = Sim.AddContainerInstance();
        Assert.True(await TickUntilAsync(async () => (await DescribeServiceAsync("agent"))["runningCount"]!.GetValue<int>() == 2));
        Assert.Equal(2, Int(await DescribeServiceAsync("agent"), "desiredCount"));
        Assert.Contains(second, (await ServiceTasksAsync("agent")).Select(t => Str(t, "containerInstanceArn")));

        Sim.RemoveContainerInstance(first);
        Sim.Tick(2);
        var service = await DescribeServiceAsync("agent");
        Assert.Equal(1, Int(service, "desiredCount"));
        Assert.Equal(1, Int(service, "runningCount"));
        Assert.Equal([second], (await ServiceTasksAsync("agent")).Select(t => Str(t, "containerInstanceArn")));
    }

    [Fact]
    public async Task Daemon_stops_its_task_on_an_instance_that_no_longer_matches_its_constraints()
    {
        await CreateClusterAsync();
        var changing = Sim.AddContainerInstance(instanceType: "t3.medium");
        var staying = Sim.AddContainerInstance(instanceType: "t3.large");
        var td = await RegisterEc2Async("agent", cpu: 128, memory: 256);
        await CreateEc2ServiceAsync("agent", td, desired: 0, scheduling: "DAEMON", constraints: MemberOf("attribute:ecs.instance-type =~ t3.*"));
        await TickUntilRolloutAsync("agent", "COMPLETED");
        Assert.Equal(2, (await ServiceTasksAsync("agent")).Count);

        // The agent re-registers the instance after a resize to m5.large.
        await Client.EcsAsync("RegisterContainerInstance", new JsonObject
        {
            ["containerInstanceArn"] = changing,
            ["instanceIdentityDocument"] = """{"instanceType":"m5.large"}""",
        });
        Sim.Tick(2);
        var service = await DescribeServiceAsync("agent");
        Assert.Equal(1, Int(service, "desiredCount"));
        Assert.Equal([staying], (await ServiceTasksAsync("agent")).Select(t => Str(t, "containerInstanceArn")));
    }

    [Fact]
    public async Task Rollout_replaces_tasks_instance_by_instance_stopping_before_starting_within_minimum_healthy_percent()
    {
        await CreateClusterAsync();
        var instances = Enumerable.Range(0, 4).Select(_ => Sim.AddContainerInstance()).ToList();
        var v1 = await RegisterEc2Async("agent", cpu: 128, memory: 256);
        await CreateEc2ServiceAsync("agent", v1, desired: 0, scheduling: "DAEMON",
            deploymentConfiguration: new JsonObject { ["minimumHealthyPercent"] = 50, ["maximumPercent"] = 100 });
        await TickUntilRolloutAsync("agent", "COMPLETED");

        var v2 = await RegisterEc2Async("agent", cpu: 128, memory: 256);
        await Client.EcsAsync("UpdateService", new JsonObject { ["service"] = "agent", ["taskDefinition"] = v2 });
        for (var tick = 0; tick < 30; tick++)
        {
            // Every task that still holds an instance (starting, running or stopping), and those healthy.
            var stopping = await DescribeTasksAsync("default", await ListTaskArnsAsync(new JsonObject { ["serviceName"] = "agent", ["desiredStatus"] = "STOPPED" }));
            var held = (await ServiceTasksAsync("agent")).Concat(stopping.Where(t => Str(t, "lastStatus") != "STOPPED")).ToList();
            Assert.All(held.GroupBy(t => Str(t, "containerInstanceArn")), g => Assert.Single(g));
            var healthy = held.Count(t => Str(t, "lastStatus") == "RUNNING" && Str(t, "desiredStatus") == "RUNNING");
            Assert.True(healthy >= 2, $"only {healthy} of 4 instances kept a running task (minimumHealthyPercent 50)");

            var primary = (await DescribeServiceAsync("agent"))["deployments"]!.AsArray().First(d => Str(d, "status") == "PRIMARY")!;
            if (Str(primary, "rolloutState") == "COMPLETED")
            {
                break;
            }

            Sim.Tick();
        }

        var final = await ServiceTasksAsync("agent");
        Assert.Equal(4, final.Count);
        Assert.All(final, t => Assert.Equal(v2, Str(t, "taskDefinitionArn")));
        Assert.Equal(instances.Order(), final.Select(t => Str(t, "containerInstanceArn")).Order());
        Assert.Equal("COMPLETED", Str((await DescribeServiceAsync("agent"))["deployments"]![0], "rolloutState"));
    }

    [Fact]
    public async Task Daemon_is_refused_on_Fargate_with_a_placement_strategy_and_by_Application_Auto_Scaling()
    {
        await CreateClusterAsync();
        Sim.AddContainerInstance();
        var td = await RegisterEc2Async("agent", cpu: 128, memory: 256);

        var fargate = await Client.EcsFailsAsync("CreateService", new JsonObject
        {
            ["serviceName"] = "agent", ["taskDefinition"] = await RegisterAsync("fg", "fg:1", networkMode: "awsvpc"),
            ["schedulingStrategy"] = "DAEMON", ["launchType"] = "FARGATE",
            ["networkConfiguration"] = new JsonObject { ["awsvpcConfiguration"] = new JsonObject { ["subnets"] = new JsonArray { "subnet-1" } } },
        });
        Assert.Equal("InvalidParameterException", fargate.Code);

        var strategy = await Client.EcsFailsAsync("CreateService", new JsonObject
        {
            ["serviceName"] = "agent", ["taskDefinition"] = td, ["schedulingStrategy"] = "DAEMON",
            ["placementStrategy"] = Strategy(("spread", "instanceId")),
        });
        Assert.Equal("InvalidParameterException", strategy.Code);

        await CreateEc2ServiceAsync("agent", td, desired: 0, scheduling: "DAEMON");
        var scaling = await Client.AasFailsAsync("RegisterScalableTarget", new JsonObject
        {
            ["ServiceNamespace"] = "ecs",
            ["ResourceId"] = "service/default/agent",
            ["ScalableDimension"] = "ecs:service:DesiredCount",
            ["MinCapacity"] = 1,
            ["MaxCapacity"] = 3,
        });
        Assert.Equal("ValidationException", scaling.Code);
        Assert.Contains("DAEMON", scaling.Message, StringComparison.Ordinal);
    }
}
