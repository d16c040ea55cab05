using System.Text.Json.Nodes;

namespace EcsOperator.Simulator.Tests;

public sealed class ClusterTests : SimTest
{
    [Fact]
    public async Task Created_cluster_is_described_with_tags_and_settings_only_when_included()
    {
        await Client.EcsAsync("CreateCluster", new JsonObject
        {
            ["clusterName"] = "prod",
            ["tags"] = new JsonArray { new JsonObject { ["key"] = "team", ["value"] = "shop" } },
            ["settings"] = new JsonArray { new JsonObject { ["name"] = "containerInsights", ["value"] = "enabled" } },
        });

        var plain = (await Client.EcsAsync("DescribeClusters", new JsonObject { ["clusters"] = new JsonArray { "prod" } }))["clusters"]![0]!;
        var full = (await Client.EcsAsync("DescribeClusters", new JsonObject
        {
            ["clusters"] = new JsonArray { "arn:aws:ecs:us-east-1:123456789012:cluster/prod" },
            ["include"] = new JsonArray { "TAGS", "SETTINGS" },
        }))["clusters"]![0]!;

        Assert.Equal("ACTIVE", Str(plain, "status"));
        Assert.Equal("arn:aws:ecs:us-east-1:123456789012:cluster/prod", Str(plain, "clusterArn"));
        Assert.Null(plain["tags"]);
        Assert.Null(plain["settings"]);
        Assert.Equal("shop", Str(full["tags"]![0], "value"));
        Assert.Equal("enabled", Str(full["settings"]![0], "value"));
    }

    [Fact]
    public async Task Unknown_clusters_are_reported_as_MISSING_failures()
    {
        var response = await Client.EcsAsync("DescribeClusters", new JsonObject { ["clusters"] = new JsonArray { "ghost" } });

        Assert.Empty(response["clusters"]!.AsArray());
        Assert.Equal("MISSING", Str(response["failures"]![0], "reason"));
        Assert.EndsWith(":cluster/ghost", Str(response["failures"]![0], "arn"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UpdateCluster_changes_container_insights()
    {
        await CreateClusterAsync("c1");
        var updated = await Client.EcsAsync("UpdateCluster", new JsonObject
        {
            ["cluster"] = "c1",
            ["settings"] = new JsonArray { new JsonObject { ["name"] = "containerInsights", ["value"] = "enhanced" } },
        });

        Assert.Equal("enhanced", Str(updated["cluster"]!["settings"]![0], "value"));
    }

    [Fact]
    public async Task Cluster_with_active_services_cannot_be_deleted_until_they_are_gone()
    {
        await CreateClusterAsync();
        var td = await RegisterAsync("web", "nginx:1");
        await CreateServiceAsync("web", td, 1);
        Sim.Tick(3);

        var cluster = (await Client.EcsAsync("DescribeClusters", []))["clusters"]![0]!;
        Assert.Equal(1, Int(cluster, "activeServicesCount"));
        Assert.Equal(1, Int(cluster, "runningTasksCount"));

        var error = await Client.EcsFailsAsync("DeleteCluster", new JsonObject { ["cluster"] = "default" });
        Assert.Equal("ClusterContainsServicesException", error.Code);

        await Client.EcsAsync("DeleteService", new JsonObject { ["service"] = "web", ["force"] = true });
        Sim.Tick(3);
        var deleted = await Client.EcsAsync("DeleteCluster", new JsonObject { ["cluster"] = "default" });
        Assert.Equal("INACTIVE", Str(deleted["cluster"], "status"));
        Assert.Equal("ClusterNotFoundException", (await Client.EcsFailsAsync("ListServices", [])).Code);
    }

    [Fact]
    public async Task Capacity_providers_and_default_strategy_are_stored_and_used_by_services()
    {
        await CreateClusterAsync();
        await Client.EcsAsync("PutClusterCapacityProviders", new JsonObject
        {
            ["cluster"] = "default",
            ["capacityProviders"] = new JsonArray { "FARGATE", "FARGATE_SPOT" },
            ["defaultCapacityProviderStrategy"] = new JsonArray { new JsonObject { ["capacityProvider"] = "FARGATE_SPOT", ["weight"] = 1 } },
        });
        var td = await Client.EcsAsync("RegisterTaskDefinition", new JsonObject
        {
            ["family"] = "api",
            ["networkMode"] = "awsvpc",
            ["requiresCompatibilities"] = new JsonArray { "FARGATE" },
            ["cpu"] = "256",
            ["memory"] = "512",
            ["containerDefinitions"] = new JsonArray { new JsonObject { ["name"] = "app", ["image"] = "api:1" } },
        });
        var service = (await Client.EcsAsync("CreateService", new JsonObject
        {
            ["serviceName"] = "api",
            ["taskDefinition"] = "api",
            ["desiredCount"] = 1,
            ["networkConfiguration"] = new JsonObject { ["awsvpcConfiguration"] = new JsonObject { ["subnets"] = new JsonArray { "subnet-1" } } },
        }))["service"]!;

        Assert.Equal("FARGATE_SPOT", Str(service["capacityProviderStrategy"]![0], "capacityProvider"));
        Assert.Null(service["launchType"]);
        Assert.Equal("LATEST", Str(service, "platformVersion"));
        Assert.Equal("DISABLED", Str(service["networkConfiguration"]!["awsvpcConfiguration"], "assignPublicIp"));
        Assert.NotNull(td["taskDefinition"]);
    }
}
