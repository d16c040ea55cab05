using System.Text.Json.Nodes;

namespace EcsOperator.Simulator.Tests;

/// <summary>Auto Scaling group capacity providers: the API with ECS's errors, association, and managed scaling.</summary>
public sealed class CapacityProviderTests : Ec2Test
{
    private const string GroupArn = "arn:aws:autoscaling:us-east-1:123456789012:autoScalingGroup:6d3b4f2c-1111-2222-3333-444455556666:autoScalingGroupName/web-asg";

    private static JsonObject Provider(string name, string groupArn = GroupArn, int target = 100, int maxStep = 10000, int warmup = 300) => new()
    {
        ["name"] = name,
        ["autoScalingGroupProvider"] = new JsonObject
        {
            ["autoScalingGroupArn"] = groupArn,
            ["managedScaling"] = new JsonObject
            {
                ["status"] = "ENABLED",
                ["targetCapacity"] = target,
                ["maximumScalingStepSize"] = maxStep,
                ["instanceWarmupPeriod"] = warmup,
            },
            ["managedTerminationProtection"] = "ENABLED",
        },
        ["tags"] = new JsonArray { new JsonObject { ["key"] = "team", ["value"] = "web" } },
    };

    private async Task<JsonObject> DescribeProviderAsync(string name) =>
        (await Client.EcsAsync("DescribeCapacityProviders", new JsonObject { ["capacityProviders"] = new JsonArray { name }, ["include"] = new JsonArray { "TAGS" } }))
            ["capacityProviders"]![0]!.AsObject();

    [Fact]
    public async Task A_provider_is_created_described_with_ECS_defaults_updated_and_refused_with_ECS_errors()
    {
        var created = (await Client.EcsAsync("CreateCapacityProvider", Provider("web")))["capacityProvider"]!;
        Assert.Equal("arn:aws:ecs:us-east-1:123456789012:capacity-provider/web", Str(created, "capacityProviderArn"));
        Assert.Equal("ACTIVE", Str(created, "status"));
        Assert.Null(created["updateStatus"]);

        var described = await DescribeProviderAsync("web");
        Assert.Equal("EC2_AUTOSCALING", Str(described, "type"));
        Assert.Equal(1, Int(described["autoScalingGroupProvider"]!["managedScaling"], "minimumScalingStepSize"));
        Assert.Equal("ENABLED", Str(described["autoScalingGroupProvider"], "managedDraining"));
        Assert.Equal("web", Str(described["tags"]![0], "value"));

        var updated = (await Client.EcsAsync("UpdateCapacityProvider", new JsonObject
        {
            ["name"] = "web",
            ["autoScalingGroupProvider"] = new JsonObject { ["managedScaling"] = new JsonObject { ["status"] = "ENABLED", ["targetCapacity"] = 80 } },
        }))["capacityProvider"]!;
        Assert.Equal("UPDATE_COMPLETE", Str(updated, "updateStatus"));
        Assert.Equal(80, Int(updated["autoScalingGroupProvider"]!["managedScaling"], "targetCapacity"));

        Assert.Equal("ClientException", (await Client.EcsFailsAsync("CreateCapacityProvider", Provider("web", GroupArn.Replace("web-asg", "other", StringComparison.Ordinal)))).Code);
        Assert.Contains("already being used", (await Client.EcsFailsAsync("CreateCapacityProvider", Provider("web2"))).Message, StringComparison.Ordinal);
        Assert.Contains("cannot be prefixed", (await Client.EcsFailsAsync("CreateCapacityProvider", Provider("ECS-web", "other-asg"))).Message, StringComparison.Ordinal);
        var missing = await Client.EcsAsync("DescribeCapacityProviders", new JsonObject { ["capacityProviders"] = new JsonArray { "ghost" } });
        Assert.Equal("MISSING", Str(missing["failures"]![0], "reason"));
        Assert.Equal("InvalidParameterException", (await Client.EcsFailsAsync("CreateCluster", new JsonObject { ["clusterName"] = "c", ["capacityProviders"] = new JsonArray { "ghost" } })).Code);
    }

    [Fact]
    public async Task Deleting_a_provider_a_cluster_uses_fails_with_the_cluster_named_then_goes_through_DELETE_IN_PROGRESS()
    {
        await Client.EcsAsync("CreateCapacityProvider", Provider("web"));
        await Client.EcsAsync("CreateCluster", new JsonObject { ["clusterName"] = "prod", ["capacityProviders"] = new JsonArray { "web" } });

        var refused = (await Client.EcsAsync("DeleteCapacityProvider", new JsonObject { ["capacityProvider"] = "web" }))["capacityProvider"]!;
        Assert.Equal("ACTIVE", Str(refused, "status"));
        Assert.Equal("DELETE_FAILED", Str(refused, "updateStatus"));
        Assert.Contains("associated with cluster: prod", Str(refused, "updateStatusReason"), StringComparison.Ordinal);

        await Client.EcsAsync("PutClusterCapacityProviders", new JsonObject { ["cluster"] = "prod", ["capacityProviders"] = new JsonArray(), ["defaultCapacityProviderStrategy"] = new JsonArray() });
        var deleting = (await Client.EcsAsync("DeleteCapacityProvider", new JsonObject { ["capacityProvider"] = "web" }))["capacityProvider"]!;
        Assert.Equal("DELETE_IN_PROGRESS", Str(deleting, "updateStatus"));
        Assert.Equal("InvalidParameterException", (await Client.EcsFailsAsync("PutClusterCapacityProviders", new JsonObject
        {
            ["cluster"] = "prod", ["capacityProviders"] = new JsonArray { "web" }, ["defaultCapacityProviderStrategy"] = new JsonArray(),
        })).Code);

        Sim.Tick();
        var gone = await DescribeProviderAsync("web");
        Assert.Equal("INACTIVE", Str(gone, "status"));
        Assert.Equal("DELETE_COMPLETE", Str(gone, "updateStatus"));
        // The name and the group are free again.
        await Client.EcsAsync("CreateCapacityProvider", Provider("web"));
    }

    [Fact]
    public async Task Managed_scaling_grows_the_group_by_at_most_the_step_after_warmup_until_the_service_is_placed()
    {
        Sim.DefineAutoScalingGroup(GroupArn, cpu: 2048, memory: 4096, instanceType: "c5.large");
        await Client.EcsAsync("CreateCapacityProvider", Provider("web", maxStep: 2, warmup: 60));
        await Client.EcsAsync("CreateCluster", new JsonObject
        {
            ["clusterName"] = "default",
            ["capacityProviders"] = new JsonArray { "web" },
            ["defaultCapacityProviderStrategy"] = new JsonArray { new JsonObject { ["capacityProvider"] = "web", ["weight"] = 1 } },
        });
        var td = await RegisterEc2Async("api", cpu: 1024, memory: 1024);
        await CreateServiceAsync("api", td, 6);

        // No instance yet: the tasks cannot be placed, the reservation is 200 and the group grows by the maximum step.
        Sim.Tick();
        Assert.Equal(200, Sim.CapacityProviderReservation("web"));
        Assert.Equal(2, Sim.CapacityProviderInstances("web").Count);

        // Four tasks fit on two instances; the other two need a third instance, launched only after the 60 s warmup.
        Assert.True(await TickUntilAsync(async () => Int(await DescribeServiceAsync("api"), "runningCount") == 6, maxTicks: 20));
        var scaleOuts = Sim.CapacityProviderScaleOuts("web");
        Assert.Equal([(0, 2), (2, 3)], scaleOuts.Select(s => (s.From, s.To)));
        Assert.True(scaleOuts[1].At - scaleOuts[0].At >= TimeSpan.FromSeconds(60));
        Sim.Tick();
        Assert.Equal(100, Sim.CapacityProviderReservation("web"));

        var instances = (await Client.EcsAsync("DescribeContainerInstances", new JsonObject { ["containerInstances"] = Strings(Sim.CapacityProviderInstances("web")) }))["containerInstances"]!.AsArray();
        Assert.All(instances, i => Assert.Equal("web", Str(i, "capacityProviderName")));
        Assert.All(instances, i => Assert.Equal(2, Int(i, "runningTasksCount")));
        var tasks = await DescribeTasksAsync("default", await ListTaskArnsAsync(new JsonObject { ["serviceName"] = "api" }));
        Assert.All(tasks, t => Assert.Equal("web", Str(t, "capacityProviderName")));
    }

    [Fact]
    public async Task Tasks_of_a_provider_use_only_its_groups_instances_and_a_disabled_provider_never_scales()
    {
        await Client.EcsAsync("CreateCapacityProvider", Provider("web"));
        await Client.EcsAsync("UpdateCapacityProvider", new JsonObject
        {
            ["name"] = "web",
            ["autoScalingGroupProvider"] = new JsonObject { ["managedScaling"] = new JsonObject { ["status"] = "DISABLED" }, ["managedTerminationProtection"] = "DISABLED" },
        });
        await Client.EcsAsync("CreateCluster", new JsonObject { ["clusterName"] = "default", ["capacityProviders"] = new JsonArray { "web" } });
        Sim.AddContainerInstance(); // an instance of no group: not the provider's
        var td = await RegisterEc2Async("api", cpu: 256, memory: 256);
        await Client.EcsAsync("CreateService", new JsonObject
        {
            ["serviceName"] = "api", ["taskDefinition"] = td, ["desiredCount"] = 1,
            ["capacityProviderStrategy"] = new JsonArray { new JsonObject { ["capacityProvider"] = "web", ["weight"] = 1 } },
        });

        Sim.Tick(4);
        Assert.Equal(0, Int(await DescribeServiceAsync("api"), "runningCount"));
        Assert.Empty(Sim.CapacityProviderInstances("web"));
        Assert.Equal(200, Sim.CapacityProviderReservation("web"));
    }
}
