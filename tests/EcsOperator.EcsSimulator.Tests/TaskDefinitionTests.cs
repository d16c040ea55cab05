using System.Text.Json.Nodes;

namespace EcsOperator.Simulator.Tests;

public sealed class TaskDefinitionTests : SimTest
{
    [Fact]
    public async Task Revisions_increment_per_family_and_echo_ECS_container_defaults()
    {
        var first = await RegisterAsync("web", "nginx:1", networkMode: "awsvpc");
        var second = await RegisterAsync("web", "nginx:2");
        var other = await RegisterAsync("worker", "worker:1");

        Assert.EndsWith("task-definition/web:1", first, StringComparison.Ordinal);
        Assert.EndsWith("task-definition/web:2", second, StringComparison.Ordinal);
        Assert.EndsWith("task-definition/worker:1", other, StringComparison.Ordinal);

        var td = (await Client.EcsAsync("DescribeTaskDefinition", new JsonObject { ["taskDefinition"] = first }))["taskDefinition"]!;
        var container = td["containerDefinitions"]![0]!;
        Assert.Equal("ACTIVE", Str(td, "status"));
        Assert.Equal(1, Int(td, "revision"));
        Assert.Equal(0, Int(container, "cpu"));
        Assert.True(container["essential"]!.GetValue<bool>());
        Assert.Empty(container["environment"]!.AsArray());
        Assert.Empty(container["portMappings"]!.AsArray());
        Assert.Contains("FARGATE", td["compatibilities"]!.AsArray().Select(c => c!.GetValue<string>()));
    }

    [Fact]
    public async Task Port_mappings_get_protocol_and_host_port_defaults_under_awsvpc()
    {
        var response = await Client.EcsAsync("RegisterTaskDefinition", new JsonObject
        {
            ["family"] = "web",
            ["networkMode"] = "awsvpc",
            ["containerDefinitions"] = new JsonArray
            {
                new JsonObject
                {
                    ["name"] = "app", ["image"] = "nginx", ["memory"] = 256,
                    ["portMappings"] = new JsonArray { new JsonObject { ["containerPort"] = 8080 } },
                },
            },
        });

        var mapping = response["taskDefinition"]!["containerDefinitions"]![0]!["portMappings"]![0]!;
        Assert.Equal("tcp", Str(mapping, "protocol"));
        Assert.Equal(8080, Int(mapping, "hostPort"));
    }

    [Fact]
    public async Task Family_resolves_to_latest_ACTIVE_revision_and_deregistered_ones_stay_describable()
    {
        await RegisterAsync("web", "nginx:1");
        await RegisterAsync("web", "nginx:2");
        var deregistered = await Client.EcsAsync("DeregisterTaskDefinition", new JsonObject { ["taskDefinition"] = "web:2" });

        var latest = (await Client.EcsAsync("DescribeTaskDefinition", new JsonObject { ["taskDefinition"] = "web" }))["taskDefinition"]!;
        var old = (await Client.EcsAsync("DescribeTaskDefinition", new JsonObject { ["taskDefinition"] = "web:2" }))["taskDefinition"]!;

        Assert.Equal("INACTIVE", Str(deregistered["taskDefinition"], "status"));
        Assert.NotNull(deregistered["taskDefinition"]!["deregisteredAt"]);
        Assert.Equal(1, Int(latest, "revision"));
        Assert.Equal("INACTIVE", Str(old, "status"));
    }

    [Fact]
    public async Task Missing_task_definitions_give_ECS_client_errors()
    {
        var describe = await Client.EcsFailsAsync("DescribeTaskDefinition", new JsonObject { ["taskDefinition"] = "ghost:1" });
        var deregister = await Client.EcsFailsAsync("DeregisterTaskDefinition", new JsonObject { ["taskDefinition"] = "ghost:1" });
        var noRevision = await Client.EcsFailsAsync("DeregisterTaskDefinition", new JsonObject { ["taskDefinition"] = "ghost" });

        Assert.Equal(("ClientException", "Unable to describe task definition."), (describe.Code, describe.AwsMessage));
        Assert.Equal("ClientException", deregister.Code);
        Assert.Equal("ClientException", noRevision.Code);
    }

    [Fact]
    public async Task Invalid_registrations_are_rejected_with_the_field_named()
    {
        var noImage = await Client.EcsFailsAsync("RegisterTaskDefinition", new JsonObject
        {
            ["family"] = "web",
            ["containerDefinitions"] = new JsonArray { new JsonObject { ["name"] = "app", ["memory"] = 1 } },
        });
        var noMemory = await Client.EcsFailsAsync("RegisterTaskDefinition", new JsonObject
        {
            ["family"] = "web",
            ["containerDefinitions"] = new JsonArray { new JsonObject { ["name"] = "app", ["image"] = "x" } },
        });
        var fargateBridge = await Client.EcsFailsAsync("RegisterTaskDefinition", new JsonObject
        {
            ["family"] = "web",
            ["requiresCompatibilities"] = new JsonArray { "FARGATE" },
            ["cpu"] = "256",
            ["memory"] = "512",
            ["containerDefinitions"] = new JsonArray { new JsonObject { ["name"] = "app", ["image"] = "x" } },
        });

        Assert.Contains("image", noImage.AwsMessage, StringComparison.Ordinal);
        Assert.Contains("'app'", noMemory.AwsMessage, StringComparison.Ordinal);
        Assert.Contains("awsvpc", fargateBridge.AwsMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_filters_by_family_and_status_sorts_and_pages()
    {
        for (var i = 0; i < 5; i++)
        {
            await RegisterAsync("web", $"nginx:{i}");
        }

        await RegisterAsync("worker", "w:1");
        await Client.EcsAsync("DeregisterTaskDefinition", new JsonObject { ["taskDefinition"] = "web:1" });

        var pages = new List<string>();
        string? token = null;
        var calls = 0;
        do
        {
            var request = new JsonObject { ["familyPrefix"] = "web", ["sort"] = "DESC", ["maxResults"] = 2 };
            if (token is not null)
            {
                request["nextToken"] = token;
            }

            var page = await Client.EcsAsync("ListTaskDefinitions", request);
            pages.AddRange(page["taskDefinitionArns"]!.AsArray().Select(a => a!.GetValue<string>()));
            token = page["nextToken"]?.GetValue<string>();
            calls++;
        }
        while (token is not null);

        var inactive = await Client.EcsAsync("ListTaskDefinitions", new JsonObject { ["status"] = "INACTIVE" });

        Assert.Equal(2, calls);
        Assert.Equal(["web:5", "web:4", "web:3", "web:2"], pages.Select(a => a[(a.LastIndexOf('/') + 1)..]));
        Assert.EndsWith("web:1", inactive["taskDefinitionArns"]!.AsArray().Single()!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Families_are_listed_with_and_without_an_ACTIVE_revision_unless_a_status_is_asked_for()
    {
        await RegisterAsync("web", "nginx:1");
        await RegisterAsync("retired", "old:1");
        await Client.EcsAsync("DeregisterTaskDefinition", new JsonObject { ["taskDefinition"] = "retired:1" });

        static List<string> Families(JsonObject page) => page["families"]!.AsArray().Select(f => f!.GetValue<string>()).ToList();
        var all = await Client.EcsAsync("ListTaskDefinitionFamilies", new JsonObject());
        var active = await Client.EcsAsync("ListTaskDefinitionFamilies", new JsonObject { ["status"] = "ACTIVE" });
        var inactive = await Client.EcsAsync("ListTaskDefinitionFamilies", new JsonObject { ["status"] = "INACTIVE" });
        var bad = await Client.EcsFailsAsync("ListTaskDefinitionFamilies", new JsonObject { ["status"] = "DELETED" });

        Assert.Equal(["retired", "web"], Families(all)); // ECS's default is both, not ACTIVE only
        Assert.Equal(["web"], Families(active));
        Assert.Equal(["retired"], Families(inactive));
        Assert.Equal("InvalidParameterException", bad.Code);
    }

    [Fact]
    public async Task Bad_next_token_is_rejected()
    {
        var error = await Client.EcsFailsAsync("ListTaskDefinitions", new JsonObject { ["nextToken"] = "garbage" });

        Assert.Equal("InvalidParameterException", error.Code);
    }

    [Fact]
    public async Task Only_INACTIVE_revisions_can_be_deleted()
    {
        await RegisterAsync("web", "nginx:1");
        await RegisterAsync("web", "nginx:2");
        await Client.EcsAsync("DeregisterTaskDefinition", new JsonObject { ["taskDefinition"] = "web:1" });

        var response = await Client.EcsAsync("DeleteTaskDefinitions", new JsonObject { ["taskDefinitions"] = new JsonArray { "web:1", "web:2", "web:9" } });

        Assert.Equal("DELETE_IN_PROGRESS", Str(response["taskDefinitions"]!.AsArray().Single(), "status"));
        var failures = response["failures"]!.AsArray();
        Assert.Equal(2, failures.Count);
        Assert.Contains("ACTIVE", Str(failures[0], "reason"), StringComparison.Ordinal);
        Assert.Contains("does not exist", Str(failures[1], "reason"), StringComparison.Ordinal);

        Sim.Tick();
        var gone = await Client.EcsFailsAsync("DescribeTaskDefinition", new JsonObject { ["taskDefinition"] = "web:1" });
        Assert.Equal("ClientException", gone.Code);
    }

    [Fact]
    public async Task Tags_are_returned_when_included()
    {
        await Client.EcsAsync("RegisterTaskDefinition", new JsonObject
        {
            ["family"] = "web",
            ["tags"] = new JsonArray { new JsonObject { ["key"] = "owner", ["value"] = "me" } },
            ["containerDefinitions"] = new JsonArray { new JsonObject { ["name"] = "app", ["image"] = "x", ["memory"] = 1 } },
        });

        var without = await Client.EcsAsync("DescribeTaskDefinition", new JsonObject { ["taskDefinition"] = "web" });
        var with = await Client.EcsAsync("DescribeTaskDefinition", new JsonObject { ["taskDefinition"] = "web", ["include"] = new JsonArray { "TAGS" } });

        Assert.Null(without["tags"]);
        Assert.Equal("me", Str(with["tags"]![0], "value"));
    }
}
