using System.Text.Json.Nodes;

namespace EcsOperator.Simulator.Tests;

public sealed class ContainerInstanceTests : Ec2Test
{
    [Fact]
    public async Task Registered_instance_reports_its_resources_attributes_and_tasks_until_deregistered()
    {
        await CreateClusterAsync();
        var registered = (await Client.EcsAsync("RegisterContainerInstance", new JsonObject
        {
            ["cluster"] = "default",
            ["totalResources"] = new JsonArray
            {
                new JsonObject { ["name"] = "CPU", ["type"] = "INTEGER", ["integerValue"] = 1024 },
                new JsonObject { ["name"] = "MEMORY", ["type"] = "INTEGER", ["integerValue"] = 2048 },
            },
            ["instanceIdentityDocument"] = """{"instanceId":"i-0abc","availabilityZone":"us-east-1b","instanceType":"c5.large"}""",
            ["attributes"] = new JsonArray { new JsonObject { ["name"] = "team", ["value"] = "blue" } },
        }))["containerInstance"]!.AsObject();
        var arn = Str(registered, "containerInstanceArn");
        Assert.Matches("^arn:aws:ecs:us-east-1:123456789012:container-instance/default/[0-9a-f]{32}$", arn);
        Assert.Equal("i-0abc", Str(registered, "ec2InstanceId"));
        var attributes = registered["attributes"]!.AsArray().ToDictionary(a => Str(a, "name"), a => a!["value"]?.GetValue<string>());
        Assert.Equal("us-east-1b", attributes["ecs.availability-zone"]);
        Assert.Equal("c5.large", attributes["ecs.instance-type"]);
        Assert.Equal("linux", attributes["ecs.os-type"]);
        Assert.Equal("blue", attributes["team"]);
        Assert.Contains("22", Resource(registered, "registeredResources", "PORTS")["stringSetValue"]!.AsArray().Select(p => p!.GetValue<string>()));

        var td = await RegisterEc2Async("web", cpu: 256, memory: 512);
        var run = await RunTaskAsync(td);
        Assert.Equal([arn], InstancesOf(run));
        var taskArn = Str(run["tasks"]![0], "taskArn");
        Assert.Equal("us-east-1b", Str(run["tasks"]![0], "availabilityZone"));

        var described = await DescribeInstanceAsync(arn);
        Assert.Equal(768, Int(Resource(described, "remainingResources", "CPU"), "integerValue"));
        Assert.Equal(1536, Int(Resource(described, "remainingResources", "MEMORY"), "integerValue"));
        Assert.Equal(1024, Int(Resource(described, "registeredResources", "CPU"), "integerValue"));
        Assert.Equal(1, Int(described, "pendingTasksCount"));
        Sim.Tick(2);
        Assert.Equal(1, Int(await DescribeInstanceAsync(arn), "runningTasksCount"));
        Assert.Equal([taskArn], await ListTaskArnsAsync(new JsonObject { ["containerInstance"] = arn }));

        var refused = await Client.EcsFailsAsync("DeregisterContainerInstance", new JsonObject { ["containerInstance"] = arn });
        Assert.Equal("InvalidParameterException", refused.Code);

        var deregistered = (await Client.EcsAsync("DeregisterContainerInstance", new JsonObject { ["containerInstance"] = arn, ["force"] = true }))["containerInstance"]!;
        Assert.Equal("INACTIVE", Str(deregistered, "status"));
        Assert.Empty((await Client.EcsAsync("ListContainerInstances", new JsonObject()))["containerInstanceArns"]!.AsArray());
        Sim.Tick();
        var task = (await DescribeTasksAsync("default", [taskArn]))[0];
        Assert.Equal("STOPPED", Str(task, "lastStatus"));
        Assert.Contains("i-0abc", Str(task, "stoppedReason"), StringComparison.Ordinal);
        Assert.Equal("INACTIVE", Str(await DescribeInstanceAsync(arn), "status"));
    }

    [Fact]
    public async Task Stopped_task_gives_its_resources_back()
    {
        await CreateClusterAsync();
        var arn = Sim.AddContainerInstance(cpu: 1024, memory: 1024);
        var td = await RegisterEc2Async("web", cpu: 512, memory: 1024);
        var taskArn = Str((await RunTaskAsync(td))["tasks"]![0], "taskArn");
        Assert.Equal(0, Int(Resource(await DescribeInstanceAsync(arn), "remainingResources", "MEMORY"), "integerValue"));

        await Client.EcsAsync("StopTask", new JsonObject { ["task"] = taskArn });
        Sim.Tick();
        var described = await DescribeInstanceAsync(arn);
        Assert.Equal(1024, Int(Resource(described, "remainingResources", "MEMORY"), "integerValue"));
        Assert.Equal(1024, Int(Resource(described, "remainingResources", "CPU"), "integerValue"));
    }

    [Fact]
    public async Task ListContainerInstances_filters_with_the_cluster_query_language()
    {
        await CreateClusterAsync();
        var a = Sim.AddContainerInstance(availabilityZone: "us-east-1a", instanceType: "t3.medium");
        var b = Sim.AddContainerInstance(availabilityZone: "us-east-1b", instanceType: "m5.large", attributes: new Dictionary<string, string?> { ["gpu"] = "none" });
        var c = Sim.AddContainerInstance(availabilityZone: "us-east-1c", instanceType: "t3.large");

        async Task<List<string>> List(string filter) =>
            [.. (await Client.EcsAsync("ListContainerInstances", new JsonObject { ["filter"] = filter }))["containerInstanceArns"]!.AsArray().Select(x => x!.GetValue<string>())];

        Assert.Equal([a, c], await List("attribute:ecs.instance-type =~ t3.*"));
        Assert.Equal([b], await List("attribute:ecs.availability-zone in [us-east-1a, us-east-1b] and attribute:ecs.instance-type == m5.large"));
        Assert.Equal([b, c], await List("not (attribute:ecs.availability-zone == us-east-1a)"));
        Assert.Equal([a, c], await List("attribute:ecs.availability-zone != us-east-1b"));
        Assert.Equal([b], await List("attribute:gpu exists"));
        Assert.Equal([a, c], await List("attribute:gpu !exists"));
        Assert.Equal([a, b], await List("attribute:ecs.availability-zone not_in [us-east-1c] || attribute:gpu == none"));

        var invalid = await Client.EcsFailsAsync("ListContainerInstances", new JsonObject { ["filter"] = "attribute:ecs.instance-type ==" });
        Assert.Equal("InvalidParameterException", invalid.Code);
    }

    [Fact]
    public async Task Cluster_with_instances_cannot_be_deleted_and_counts_them()
    {
        await CreateClusterAsync();
        Sim.AddContainerInstance();
        var cluster = (await Client.EcsAsync("DescribeClusters", new JsonObject { ["clusters"] = new JsonArray { "default" } }))["clusters"]![0]!;
        Assert.Equal(1, Int(cluster, "registeredContainerInstancesCount"));
        var error = await Client.EcsFailsAsync("DeleteCluster", new JsonObject { ["cluster"] = "default" });
        Assert.Equal("ClusterContainsContainerInstancesException", error.Code);
    }
}
