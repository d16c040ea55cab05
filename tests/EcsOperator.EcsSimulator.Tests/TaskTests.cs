using System.Text.Json.Nodes;

namespace EcsOperator.Simulator.Tests;

public sealed class TaskTests : SimTest
{
    private async Task<List<JsonObject>> RunAsync(JsonObject request)
    {
        var response = await Client.EcsAsync("RunTask", request);
        return [.. response["tasks"]!.AsArray().Select(t => t!.AsObject())];
    }

    [Fact]
    public async Task Standalone_task_runs_its_configured_duration_then_stops_with_exit_code()
    {
        await CreateClusterAsync();
        await RegisterAsync("job", "job:1");

        var started = await RunAsync(new JsonObject
        {
            ["taskDefinition"] = "job",
            ["count"] = 2,
            ["startedBy"] = "ecs-operator",
            ["tags"] = new JsonArray { new JsonObject { ["key"] = "run", ["value"] = "42" } },
        });
        Assert.Equal(2, started.Count);
        Assert.All(started, t =>
        {
            Assert.Equal("PROVISIONING", Str(t, "lastStatus"));
            Assert.Equal("RUNNING", Str(t, "desiredStatus"));
            Assert.Equal("family:job", Str(t, "group"));
            Assert.Equal("ecs-operator", Str(t, "startedBy"));
            Assert.Equal("42", Str(t["tags"]![0], "value"));
            Assert.Matches("^arn:aws:ecs:us-east-1:123456789012:task/default/[0-9a-f]{32}$", Str(t, "taskArn"));
        });

        var arns = started.Select(t => Str(t, "taskArn")).ToList();
        var lastStatuses = new List<string>();
        for (var i = 0; i < 8; i++)
        {
            Sim.Tick();
            lastStatuses.Add(Str((await DescribeTasksAsync("default", arns))[0], "lastStatus"));
        }

        Assert.Equal(["PENDING", "RUNNING", "RUNNING", "RUNNING", "RUNNING", "STOPPED", "STOPPED", "STOPPED"], lastStatuses);
        var done = (await DescribeTasksAsync("default", arns))[0];
        Assert.Equal("STOPPED", Str(done, "desiredStatus"));
        Assert.Equal("EssentialContainerExited", Str(done, "stopCode"));
        Assert.Equal("Essential container in task exited", Str(done, "stoppedReason"));
        Assert.Equal(0, Int(done["containers"]![0], "exitCode"));
        Assert.True(done["stoppedAt"]!.GetValue<double>() - done["startedAt"]!.GetValue<double>() >= 60);
    }

    [Fact]
    public async Task Exit_rules_match_image_and_overridden_command()
    {
        await CreateClusterAsync();
        await RegisterAsync("job", "job:1", command: ["run", "ok"]);
        Sim.Rules.ExitAfter("job:*", TimeSpan.FromSeconds(15), exitCode: 3, commandPattern: "*fail*");

        var failing = await RunAsync(new JsonObject
        {
            ["taskDefinition"] = "job:1",
            ["overrides"] = new JsonObject { ["containerOverrides"] = new JsonArray { new JsonObject { ["name"] = "app", ["command"] = new JsonArray { "run", "fail" } } } },
        });
        var passing = await RunAsync(new JsonObject { ["taskDefinition"] = "job:1" });

        Sim.Tick(3);
        var tasks = await DescribeTasksAsync("default", [Str(failing[0], "taskArn"), Str(passing[0], "taskArn")]);

        Assert.Equal("STOPPED", Str(tasks[0], "lastStatus"));
        Assert.Equal(3, Int(tasks[0]["containers"]![0], "exitCode"));
        Assert.Equal("run", tasks[0]["overrides"]!["containerOverrides"]![0]!["command"]![0]!.GetValue<string>());
        Assert.Equal("RUNNING", Str(tasks[1], "lastStatus"));
    }

    [Fact]
    public async Task StopTask_stops_with_user_reason_and_SIGTERM_exit_code()
    {
        await CreateClusterAsync();
        await RegisterAsync("job", "job:1");
        var arn = Str((await RunAsync(new JsonObject { ["taskDefinition"] = "job" }))[0], "taskArn");
        Sim.Tick(2);

        var stopping = (await Client.EcsAsync("StopTask", new JsonObject { ["task"] = arn, ["reason"] = "operator cancelled" }))["task"]!;
        Sim.Tick();
        var stopped = (await DescribeTasksAsync("default", [arn]))[0];

        Assert.Equal("STOPPED", Str(stopping, "desiredStatus"));
        Assert.Equal("RUNNING", Str(stopping, "lastStatus"));
        Assert.Equal("STOPPED", Str(stopped, "lastStatus"));
        Assert.Equal("UserInitiated", Str(stopped, "stopCode"));
        Assert.Equal("operator cancelled", Str(stopped, "stoppedReason"));
        Assert.Equal(143, Int(stopped["containers"]![0], "exitCode"));
    }

    [Fact]
    public async Task Stopped_tasks_and_inactive_services_are_forgotten_after_the_retention_period()
    {
        await CreateClusterAsync();
        var td = await RegisterAsync("job", "job:1");
        var arn = Str((await RunAsync(new JsonObject { ["taskDefinition"] = "job" }))[0], "taskArn");
        await CreateServiceAsync("web", td, 0);
        await Client.EcsAsync("DeleteService", new JsonObject { ["service"] = "web" });
        await Client.EcsAsync("StopTask", new JsonObject { ["task"] = arn });
        Sim.Tick(2);

        var stillThere = await Client.EcsAsync("DescribeTasks", new JsonObject { ["tasks"] = new JsonArray { arn } });
        var inactive = await DescribeServiceAsync("web");
        await Sim.AdvanceAsync(TimeSpan.FromMinutes(61), TestContext.Current.CancellationToken);
        var gone = await Client.EcsAsync("DescribeTasks", new JsonObject { ["tasks"] = new JsonArray { arn } });
        var forgotten = await Client.EcsAsync("DescribeServices", new JsonObject { ["services"] = new JsonArray { "web" } });

        Assert.Equal("STOPPED", Str(stillThere["tasks"]![0], "lastStatus"));
        Assert.Equal("INACTIVE", Str(inactive, "status"));
        Assert.Empty(gone["tasks"]!.AsArray());
        Assert.Equal("MISSING", Str(gone["failures"]![0], "reason"));
        Assert.Equal("MISSING", Str(forgotten["failures"]![0], "reason"));
    }

    [Fact]
    public async Task ListTasks_filters_and_pages_and_DescribeTasks_reports_missing()
    {
        await CreateClusterAsync();
        await RegisterAsync("job", "job:1");
        await RegisterAsync("other", "other:1");
        await RunAsync(new JsonObject { ["taskDefinition"] = "job", ["count"] = 3, ["startedBy"] = "me" });
        await RunAsync(new JsonObject { ["taskDefinition"] = "other", ["count"] = 1 });

        var byFamily = await ListTaskArnsAsync(new JsonObject { ["family"] = "job", ["maxResults"] = 1 });
        var byStarter = await ListTaskArnsAsync(new JsonObject { ["startedBy"] = "me" });
        var all = await ListTaskArnsAsync([]);
        var stopped = await ListTaskArnsAsync(new JsonObject { ["desiredStatus"] = "STOPPED" });
        var firstPage = await Client.EcsAsync("ListTasks", new JsonObject { ["maxResults"] = 2 });
        var describe = await Client.EcsAsync("DescribeTasks", new JsonObject { ["tasks"] = new JsonArray { byFamily[0], "0123456789abcdef0123456789abcdef" }, ["include"] = new JsonArray { "TAGS" } });
        var unknownService = await Client.EcsFailsAsync("ListTasks", new JsonObject { ["serviceName"] = "ghost" });

        Assert.Equal(3, byFamily.Distinct().Count());
        Assert.Equal(3, byStarter.Count);
        Assert.Equal(4, all.Count);
        Assert.Empty(stopped);
        Assert.NotNull(firstPage["nextToken"]);
        Assert.Single(describe["tasks"]!.AsArray());
        Assert.NotNull(describe["tasks"]![0]!["tags"]);
        Assert.Equal("MISSING", Str(describe["failures"]![0], "reason"));
        Assert.Equal("ServiceNotFoundException", unknownService.Code);
    }

    [Fact]
    public async Task Placement_failures_are_reported_in_failures()
    {
        await CreateClusterAsync();
        await RegisterAsync("job", "job:1");
        Sim.SetPlacementFailure("RESOURCE:MEMORY");

        var response = await Client.EcsAsync("RunTask", new JsonObject { ["taskDefinition"] = "job", ["count"] = 2 });

        Assert.Empty(response["tasks"]!.AsArray());
        Assert.Equal(2, response["failures"]!.AsArray().Count);
        Assert.Equal("RESOURCE:MEMORY", Str(response["failures"]![0], "reason"));
    }

    [Fact]
    public async Task RunTask_client_token_returns_the_same_tasks()
    {
        await CreateClusterAsync();
        await RegisterAsync("job", "job:1");
        var request = new JsonObject { ["taskDefinition"] = "job", ["clientToken"] = "run-1" };

        var first = await RunAsync(request);
        var second = await RunAsync(request);
        var conflict = await Client.EcsFailsAsync("RunTask", new JsonObject { ["taskDefinition"] = "job", ["count"] = 2, ["clientToken"] = "run-1" });

        Assert.Equal(Str(first[0], "taskArn"), Str(second[0], "taskArn"));
        Assert.Single(await ListTaskArnsAsync([]));
        Assert.Equal("ConflictException", conflict.Code);
    }

    [Fact]
    public async Task RunTask_validates_inputs()
    {
        await CreateClusterAsync();
        await RegisterAsync("vpc", "job:1", networkMode: "awsvpc");

        var missingTd = await Client.EcsFailsAsync("RunTask", new JsonObject { ["taskDefinition"] = "ghost" });
        var badCount = await Client.EcsFailsAsync("RunTask", new JsonObject { ["taskDefinition"] = "vpc", ["count"] = 11 });
        var noNetwork = await Client.EcsFailsAsync("RunTask", new JsonObject { ["taskDefinition"] = "vpc" });
        var badOverride = await Client.EcsFailsAsync("RunTask", new JsonObject
        {
            ["taskDefinition"] = "vpc",
            ["networkConfiguration"] = new JsonObject { ["awsvpcConfiguration"] = new JsonObject { ["subnets"] = new JsonArray { "s-1" } } },
            ["overrides"] = new JsonObject { ["containerOverrides"] = new JsonArray { new JsonObject { ["name"] = "nope" } } },
        });

        Assert.Equal("ClientException", missingTd.Code);
        Assert.Equal("InvalidParameterException", badCount.Code);
        Assert.Contains("Network Configuration", noNetwork.AwsMessage, StringComparison.Ordinal);
        Assert.Contains("nope", badOverride.AwsMessage, StringComparison.Ordinal);
    }
}
