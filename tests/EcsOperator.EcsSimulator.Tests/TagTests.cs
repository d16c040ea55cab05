using System.Text.Json.Nodes;

namespace EcsOperator.Simulator.Tests;

public sealed class TagTests : SimTest
{
    private async Task<List<(string Key, string Value)>> TagsAsync(string arn)
    {
        var response = await Client.EcsAsync("ListTagsForResource", new JsonObject { ["resourceArn"] = arn });
        return [.. response["tags"]!.AsArray().Select(t => (Str(t, "key"), Str(t, "value")))];
    }

    [Fact]
    public async Task Clusters_services_task_definitions_and_tasks_can_be_tagged_and_untagged()
    {
        await CreateClusterAsync();
        var td = await RegisterAsync("web", "nginx:1");
        var service = Str(await CreateServiceAsync("web", td, 0), "serviceArn");
        var task = Str((await Client.EcsAsync("RunTask", new JsonObject { ["taskDefinition"] = td }))["tasks"]![0], "taskArn");
        var cluster = "arn:aws:ecs:us-east-1:123456789012:cluster/default";

        foreach (var arn in new[] { cluster, td, service, task })
        {
            await Client.EcsAsync("TagResource", new JsonObject
            {
                ["resourceArn"] = arn,
                ["tags"] = new JsonArray
                {
                    new JsonObject { ["key"] = "owner", ["value"] = "a" },
                    new JsonObject { ["key"] = "env", ["value"] = "prod" },
                },
            });
            await Client.EcsAsync("TagResource", new JsonObject { ["resourceArn"] = arn, ["tags"] = new JsonArray { new JsonObject { ["key"] = "owner", ["value"] = "b" } } });
            Assert.Equal([("owner", "b"), ("env", "prod")], await TagsAsync(arn));

            await Client.EcsAsync("UntagResource", new JsonObject { ["resourceArn"] = arn, ["tagKeys"] = new JsonArray { "owner" } });
            Assert.Equal([("env", "prod")], await TagsAsync(arn));
        }
    }

    [Fact]
    public async Task Bad_and_unknown_ARNs_are_rejected()
    {
        await CreateClusterAsync();
        var malformed = await Client.EcsFailsAsync("ListTagsForResource", new JsonObject { ["resourceArn"] = "not-an-arn" });
        var unknownService = await Client.EcsFailsAsync("ListTagsForResource", new JsonObject { ["resourceArn"] = "arn:aws:ecs:us-east-1:123456789012:service/default/ghost" });
        var unknownCluster = await Client.EcsFailsAsync("TagResource", new JsonObject
        {
            ["resourceArn"] = "arn:aws:ecs:us-east-1:123456789012:cluster/ghost",
            ["tags"] = new JsonArray { new JsonObject { ["key"] = "k", ["value"] = "v" } },
        });

        Assert.Equal("InvalidParameterException", malformed.Code);
        Assert.Equal("ResourceNotFoundException", unknownService.Code);
        Assert.Equal("ClusterNotFoundException", unknownCluster.Code);
    }

    [Fact]
    public async Task Service_tags_propagate_to_its_tasks_when_asked()
    {
        await CreateClusterAsync();
        var td = await RegisterAsync("web", "nginx:1");
        await Client.EcsAsync("CreateService", new JsonObject
        {
            ["serviceName"] = "web",
            ["taskDefinition"] = td,
            ["desiredCount"] = 1,
            ["propagateTags"] = "SERVICE",
            ["tags"] = new JsonArray { new JsonObject { ["key"] = "ecs.operator.dev/owner", ["value"] = "c/ns/web" } },
        });
        Sim.Tick();

        var task = (await DescribeTasksAsync("default", await ListTaskArnsAsync(new JsonObject { ["serviceName"] = "web" })))[0];
        var tags = await TagsAsync(Str(task, "taskArn"));

        Assert.Equal([("ecs.operator.dev/owner", "c/ns/web")], tags);
        Assert.Equal("service:web", Str(task, "group"));
    }
}
