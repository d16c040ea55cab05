using System.Text.Json.Nodes;

namespace EcsOperator.Simulator.Tests;

public sealed class PlacementTests : Ec2Test
{
    [Fact]
    public async Task Binpack_on_memory_fills_the_fullest_instance_before_the_next()
    {
        await CreateClusterAsync();
        var roomy = Sim.AddContainerInstance(memory: 8192);
        var small = Sim.AddContainerInstance(memory: 4096);
        var td = await RegisterEc2Async("batch", cpu: 128, memory: 1024);

        var placed = InstancesOf(await RunTaskAsync(td, count: 4, strategy: Strategy(("binpack", "memory"))));
        Assert.Equal([small, small, small, small], placed);
        Assert.Equal([roomy], InstancesOf(await RunTaskAsync(td, strategy: Strategy(("binpack", "memory")))));
    }

    [Fact]
    public async Task Binpack_prefers_the_instance_with_the_least_cpu_left()
    {
        await CreateClusterAsync();
        var big = Sim.AddContainerInstance(cpu: 4096);
        var small = Sim.AddContainerInstance(cpu: 1024);
        var td = await RegisterEc2Async("batch", cpu: 512, memory: 128);
        Assert.Equal([small, small, big], InstancesOf(await RunTaskAsync(td, count: 3, strategy: Strategy(("binpack", "cpu")))));
    }

    [Fact]
    public async Task Service_tasks_spread_across_availability_zones_then_instances_by_default()
    {
        await CreateClusterAsync();
        var zoneOf = new Dictionary<string, string>
        {
            [Sim.AddContainerInstance(availabilityZone: "us-east-1a")] = "us-east-1a",
            [Sim.AddContainerInstance(availabilityZone: "us-east-1a")] = "us-east-1a",
            [Sim.AddContainerInstance(availabilityZone: "us-east-1b")] = "us-east-1b",
            [Sim.AddContainerInstance(availabilityZone: "us-east-1c")] = "us-east-1c",
        };
        var td = await RegisterEc2Async("web", cpu: 128, memory: 256);
        await CreateEc2ServiceAsync("web", td, desired: 6);
        await TickUntilRolloutAsync("web", "COMPLETED");

        var tasks = await ServiceTasksAsync("web");
        var instances = tasks.Select(t => Str(t, "containerInstanceArn")).ToList();
        Assert.Equal([2, 2, 2], instances.GroupBy(i => zoneOf[i]).Select(g => g.Count()).Order());
        Assert.Equal(4, instances.Distinct().Count());
    }

    [Fact]
    public async Task Spread_on_an_attribute_then_binpack_applies_the_strategies_in_order()
    {
        await CreateClusterAsync();
        var a1 = Sim.AddContainerInstance(availabilityZone: "us-east-1a", memory: 8192);
        var a2 = Sim.AddContainerInstance(availabilityZone: "us-east-1a", memory: 2048);
        var b1 = Sim.AddContainerInstance(availabilityZone: "us-east-1b", memory: 8192);
        var td = await RegisterEc2Async("web", cpu: 128, memory: 512);
        var strategy = Strategy(("spread", "attribute:ecs.availability-zone"), ("binpack", "memory"));

        // Zone a first (tie, registration order), within it the fuller a2; then zone b; then a2 again.
        var placed = InstancesOf(await RunTaskAsync(td, count: 3, strategy: strategy));
        Assert.Equal([a2, b1, a2], placed);
        Assert.DoesNotContain(a1, placed);
    }

    [Fact]
    public async Task MemberOf_places_only_on_instances_matching_the_expression()
    {
        await CreateClusterAsync();
        Sim.AddContainerInstance(instanceType: "m5.large");
        var t3 = Sim.AddContainerInstance(instanceType: "t3.medium");
        var td = await RegisterEc2Async("web", cpu: 128, memory: 256);
        await CreateEc2ServiceAsync("web", td, desired: 3, constraints: MemberOf("attribute:ecs.instance-type =~ t3.*"));
        await TickUntilRolloutAsync("web", "COMPLETED");

        Assert.All(await ServiceTasksAsync("web"), t => Assert.Equal(t3, Str(t, "containerInstanceArn")));
        var run = await RunTaskAsync(td, constraints: MemberOf("attribute:ecs.instance-type == c5.xlarge"));
        Assert.Empty(run["tasks"]!.AsArray());
        Assert.All(run["failures"]!.AsArray(), f => Assert.Equal("ATTRIBUTE", Str(f, "reason")));
    }

    [Fact]
    public async Task A_service_whose_memberOf_matches_no_instance_records_the_constraint_as_ECS_words_it()
    {
        await CreateClusterAsync();
        var m5 = Sim.AddContainerInstance(instanceType: "m5.large");
        var td = await RegisterEc2Async("web", cpu: 128, memory: 256);
        await CreateEc2ServiceAsync("web", td, desired: 1, constraints: MemberOf("attribute:ecs.instance-type == c5.xlarge"));
        Sim.Tick(3);

        var service = await DescribeServiceAsync("web");
        var message = Assert.Single(service["events"]!.AsArray().Select(e => Str(e, "message")), m => m.Contains("unable to place", StringComparison.Ordinal));
        Assert.Equal(
            $"(service web) was unable to place a task because no container instance met all of its requirements. The closest matching container-instance {m5[(m5.LastIndexOf('/') + 1)..]} encountered error \"memberOf constraint unsatisfied\". For more information, see the Troubleshooting section of the Amazon ECS Developer Guide.",
            message);
    }

    [Fact]
    public async Task Task_definition_memberOf_constraint_is_honoured_too()
    {
        await CreateClusterAsync();
        var b = Sim.AddContainerInstance(availabilityZone: "us-east-1b");
        Sim.AddContainerInstance(availabilityZone: "us-east-1a");
        var td = await RegisterEc2Async("web", cpu: 128, memory: 256, placementConstraints: MemberOf("attribute:ecs.availability-zone == us-east-1b"));
        Assert.Equal([b, b], InstancesOf(await RunTaskAsync(td, count: 2)));
    }

    [Fact]
    public async Task DistinctInstance_puts_each_task_of_the_service_on_its_own_instance()
    {
        await CreateClusterAsync();
        Sim.AddContainerInstance();
        Sim.AddContainerInstance();
        var td = await RegisterEc2Async("web", cpu: 128, memory: 256);
        var distinct = new JsonArray { new JsonObject { ["type"] = "distinctInstance" } };
        await CreateEc2ServiceAsync("web", td, desired: 3, constraints: distinct);
        Sim.Tick(4);

        var tasks = await ServiceTasksAsync("web");
        Assert.Equal(2, tasks.Count);
        Assert.Equal(2, tasks.Select(t => Str(t, "containerInstanceArn")).Distinct().Count());
        var service = await DescribeServiceAsync("web");
        Assert.Equal(2, Int(service, "runningCount"));
        Assert.Contains(service["events"]!.AsArray(), e => Str(e, "message").Contains("unable to place a task because no container instance met all of its requirements", StringComparison.Ordinal));

        // A third instance lets the scheduler place the last task on its next pass.
        Sim.AddContainerInstance();
        await TickUntilRolloutAsync("web", "COMPLETED");
        Assert.Equal(3, (await ServiceTasksAsync("web")).Select(t => Str(t, "containerInstanceArn")).Distinct().Count());
    }

    [Fact]
    public async Task Bridge_dynamic_host_ports_are_unique_per_instance_and_static_ports_conflict()
    {
        await CreateClusterAsync();
        var instance = Sim.AddContainerInstance();
        var dynamic = await RegisterEc2Async("dyn", cpu: 64, memory: 128, containerPort: 80, hostPort: 0);
        var run = await RunTaskAsync(dynamic, count: 3);
        var ports = run["tasks"]!.AsArray().Select(t => Int(t!["containers"]![0]!["networkBindings"]![0], "hostPort")).ToList();
        Assert.Equal(3, ports.Distinct().Count());
        Assert.All(ports, p => Assert.InRange(p, 49153, 65535));
        Assert.All(run["tasks"]!.AsArray(), t => Assert.Equal(80, Int(t!["containers"]![0]!["networkBindings"]![0], "containerPort")));
        var remainingPorts = Resource(await DescribeInstanceAsync(instance), "remainingResources", "PORTS")["stringSetValue"]!.AsArray().Select(p => int.Parse(p!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture));
        Assert.Superset(ports.ToHashSet(), remainingPorts.ToHashSet());

        var fixedPort = await RegisterEc2Async("static", cpu: 64, memory: 128, containerPort: 8080, hostPort: 8080);
        Assert.Single((await RunTaskAsync(fixedPort))["tasks"]!.AsArray());
        var second = await RunTaskAsync(fixedPort);
        Assert.Empty(second["tasks"]!.AsArray());
        var failure = Assert.Single(second["failures"]!.AsArray())!;
        Assert.Equal("RESOURCE:PORTS", Str(failure, "reason"));
        Assert.Equal(instance, Str(failure, "arn"));
    }

    [Fact]
    public async Task RunTask_reports_RESOURCE_MEMORY_and_RESOURCE_CPU_per_instance_when_nothing_fits()
    {
        await CreateClusterAsync();
        var instance = Sim.AddContainerInstance(cpu: 1024, memory: 2048);

        var tooMuchMemory = await RunTaskAsync(await RegisterEc2Async("mem", cpu: 128, memory: 4096));
        Assert.Empty(tooMuchMemory["tasks"]!.AsArray());
        var memoryFailure = Assert.Single(tooMuchMemory["failures"]!.AsArray())!;
        Assert.Equal("RESOURCE:MEMORY", Str(memoryFailure, "reason"));
        Assert.Equal(instance, Str(memoryFailure, "arn"));

        var tooMuchCpu = await RunTaskAsync(await RegisterEc2Async("cpu", cpu: 2048, memory: 128));
        Assert.Equal("RESOURCE:CPU", Str(Assert.Single(tooMuchCpu["failures"]!.AsArray()), "reason"));

        // Two of three fit: the third is reported, the two run.
        var partial = await RunTaskAsync(await RegisterEc2Async("half", cpu: 128, memory: 1024), count: 3);
        Assert.Equal(2, partial["tasks"]!.AsArray().Count);
        Assert.Equal("RESOURCE:MEMORY", Str(Assert.Single(partial["failures"]!.AsArray()), "reason"));
    }

    [Fact]
    public async Task Service_that_cannot_place_records_why_and_places_once_capacity_arrives()
    {
        await CreateClusterAsync();
        Sim.AddContainerInstance(memory: 1024);
        var td = await RegisterEc2Async("web", cpu: 128, memory: 768);
        await CreateEc2ServiceAsync("web", td, desired: 2);
        Sim.Tick(4);

        var service = await DescribeServiceAsync("web");
        Assert.Equal(1, Int(service, "runningCount"));
        var placementEvents = service["events"]!.AsArray().Select(e => Str(e, "message")).Where(m => m.Contains("unable to place a task", StringComparison.Ordinal)).ToList();
        var message = Assert.Single(placementEvents);
        Assert.Contains("has insufficient memory available", message, StringComparison.Ordinal);

        Sim.AddContainerInstance(memory: 1024);
        await TickUntilRolloutAsync("web", "COMPLETED");
        Assert.Equal(2, Int(await DescribeServiceAsync("web"), "runningCount"));
    }

    [Fact]
    public async Task Cluster_whose_instances_all_left_refuses_ec2_tasks()
    {
        await CreateClusterAsync();
        var only = Sim.AddContainerInstance();
        Sim.RemoveContainerInstance(only);
        var td = await RegisterEc2Async("web", cpu: 128, memory: 256);
        var error = await Client.EcsFailsAsync("RunTask", new JsonObject { ["taskDefinition"] = td, ["launchType"] = "EC2" });
        Assert.Equal("InvalidParameterException", error.Code);
        Assert.Contains("No Container Instances were found in your cluster", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cluster_that_never_had_instances_keeps_running_ec2_tasks_on_unmodelled_capacity()
    {
        await CreateClusterAsync();
        var td = await RegisterEc2Async("web", cpu: 128, memory: 256);
        var run = await RunTaskAsync(td);
        var task = Assert.Single(run["tasks"]!.AsArray())!;
        Assert.Null(task["containerInstanceArn"]);
    }

    [Fact]
    public async Task Invalid_placement_is_refused_when_the_service_is_created()
    {
        await CreateClusterAsync();
        var td = await RegisterEc2Async("web", cpu: 128, memory: 256);
        var badExpression = await Client.EcsFailsAsync("CreateService", new JsonObject
        {
            ["serviceName"] = "web", ["taskDefinition"] = td, ["desiredCount"] = 1,
            ["placementConstraints"] = MemberOf("attribute:ecs.instance-type in [t3.small"),
        });
        Assert.Equal("InvalidParameterException", badExpression.Code);
        var badStrategy = await Client.EcsFailsAsync("CreateService", new JsonObject
        {
            ["serviceName"] = "web", ["taskDefinition"] = td, ["desiredCount"] = 1,
            ["placementStrategy"] = Strategy(("binpack", "disk")),
        });
        Assert.Equal("InvalidParameterException", badStrategy.Code);
    }
}
