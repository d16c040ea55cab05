using System.Text.Json.Nodes;

namespace EcsOperator.Simulator.Tests;

public sealed class ServiceTests : SimTest
{
    [Fact]
    public async Task New_service_starts_tasks_and_reports_ECS_events_until_steady_state()
    {
        await CreateClusterAsync();
        var td = await RegisterAsync("web", "nginx:1");
        var created = await CreateServiceAsync("web", td, 2);

        var deployment = created["deployments"]!.AsArray().Single()!;
        Assert.Equal("PRIMARY", Str(deployment, "status"));
        Assert.Equal("IN_PROGRESS", Str(deployment, "rolloutState"));
        Assert.StartsWith("ecs-svc/", Str(deployment, "id"), StringComparison.Ordinal);
        Assert.Equal(0, Int(created, "runningCount"));
        Assert.Equal(200, Int(created["deploymentConfiguration"], "maximumPercent"));
        Assert.Equal(100, Int(created["deploymentConfiguration"], "minimumHealthyPercent"));

        Sim.Tick();
        var starting = await DescribeServiceAsync("web");
        Assert.Equal(2, Int(starting, "pendingCount"));

        var done = await TickUntilRolloutAsync("web", "COMPLETED");
        var id = Str(done["deployments"]![0], "id");
        Assert.Equal(2, Int(done, "runningCount"));
        Assert.Equal(0, Int(done, "pendingCount"));
        Assert.Equal($"ECS deployment {id} completed.", Str(done["deployments"]![0], "rolloutStateReason"));

        var messages = done["events"]!.AsArray().Select(e => Str(e, "message")).ToList();
        Assert.Equal("(service web) has reached a steady state.", messages[0]);
        Assert.Equal($"(service web) (deployment {id}) deployment completed.", messages[1]);
        Assert.Matches(@"^\(service web\) has started 2 tasks: \(task [0-9a-f]{32}\) \(task [0-9a-f]{32}\)\.$", messages[^1]);
    }

    [Fact]
    public async Task CreateService_validates_cluster_and_task_definition()
    {
        await CreateClusterAsync();
        var noCluster = await Client.EcsFailsAsync("CreateService", new JsonObject { ["cluster"] = "x", ["serviceName"] = "s", ["taskDefinition"] = "web", ["desiredCount"] = 1 });
        var noTd = await Client.EcsFailsAsync("CreateService", new JsonObject { ["serviceName"] = "s", ["taskDefinition"] = "ghost:3", ["desiredCount"] = 1 });
        var awsvpc = await RegisterAsync("vpc", "nginx", networkMode: "awsvpc");
        var noNetwork = await Client.EcsFailsAsync("CreateService", new JsonObject { ["serviceName"] = "s", ["taskDefinition"] = awsvpc, ["desiredCount"] = 1 });

        Assert.Equal("ClusterNotFoundException", noCluster.Code);
        Assert.Equal(("ClientException", "TaskDefinition not found."), (noTd.Code, noTd.AwsMessage));
        Assert.Equal("InvalidParameterException", noNetwork.Code);
    }

    [Fact]
    public async Task Client_token_makes_create_idempotent_and_rejects_different_parameters()
    {
        await CreateClusterAsync();
        var td = await RegisterAsync("web", "nginx:1");
        JsonObject Request(int desired) => new()
        {
            ["serviceName"] = "web", ["taskDefinition"] = td, ["desiredCount"] = desired, ["clientToken"] = "uid-1234",
        };

        var first = await Client.EcsAsync("CreateService", Request(2));
        var retry = await Client.EcsAsync("CreateService", Request(2));
        var different = await Client.EcsFailsAsync("CreateService", Request(3));
        var duplicateName = await Client.EcsFailsAsync("CreateService", new JsonObject { ["serviceName"] = "web", ["taskDefinition"] = td, ["desiredCount"] = 2 });

        Assert.Equal(Str(first["service"], "serviceArn"), Str(retry["service"], "serviceArn"));
        Assert.Equal(Str(first["service"]!["deployments"]![0], "id"), Str(retry["service"]!["deployments"]![0], "id"));
        Assert.Equal("InvalidParameterException", different.Code);
        Assert.Equal(("InvalidParameterException", "Creation of service was not idempotent."), (duplicateName.Code, duplicateName.AwsMessage));
        var list = await Client.EcsAsync("ListServices", []);
        Assert.Single(list["serviceArns"]!.AsArray());
    }

    [Fact]
    public async Task DescribeServices_reports_missing_services_and_limits_to_ten()
    {
        await CreateClusterAsync();
        var td = await RegisterAsync("web", "nginx:1");
        await CreateServiceAsync("web", td, 0);

        var response = await Client.EcsAsync("DescribeServices", new JsonObject { ["services"] = new JsonArray { "web", "ghost" }, ["include"] = new JsonArray { "TAGS" } });
        var tooMany = await Client.EcsFailsAsync("DescribeServices", new JsonObject { ["services"] = Strings(Enumerable.Range(0, 11).Select(i => $"s{i}")) });

        Assert.Single(response["services"]!.AsArray());
        Assert.NotNull(response["services"]![0]!["tags"]);
        Assert.Equal("MISSING", Str(response["failures"]![0], "reason"));
        Assert.Equal("arn:aws:ecs:us-east-1:123456789012:service/default/ghost", Str(response["failures"]![0], "arn"));
        Assert.Equal("InvalidParameterException", tooMany.Code);
    }

    [Fact]
    public async Task Desired_count_change_scales_the_primary_without_a_new_deployment()
    {
        await CreateClusterAsync();
        var td = await RegisterAsync("web", "nginx:1");
        await CreateServiceAsync("web", td, 1);
        var before = await TickUntilRolloutAsync("web", "COMPLETED");

        var updated = (await Client.EcsAsync("UpdateService", new JsonObject { ["service"] = "web", ["desiredCount"] = 3 }))["service"]!;
        Sim.Tick(4);
        var after = await DescribeServiceAsync("web");

        Assert.Equal(Str(before["deployments"]![0], "id"), Str(updated["deployments"]!.AsArray().Single(), "id"));
        Assert.Equal(3, Int(after["deployments"]!.AsArray().Single(), "desiredCount"));
        Assert.Equal(3, Int(after, "runningCount"));
        Assert.Equal("COMPLETED", Str(after["deployments"]![0], "rolloutState"));
        var deployments = await Client.EcsAsync("ListServiceDeployments", new JsonObject { ["service"] = "web" });
        Assert.Single(deployments["serviceDeployments"]!.AsArray());
    }

    [Theory]
    [InlineData("forceNewDeployment")]
    [InlineData("taskDefinition")]
    [InlineData("placementStrategy")]
    public async Task Changes_that_need_new_tasks_start_a_new_deployment(string change)
    {
        await CreateClusterAsync();
        var td = await RegisterAsync("web", "nginx:1");
        var td2 = await RegisterAsync("web", "nginx:2");
        await CreateServiceAsync("web", td, 1);
        await TickUntilRolloutAsync("web", "COMPLETED");

        var request = new JsonObject { ["service"] = "web" };
        request[change] = change switch
        {
            "forceNewDeployment" => true,
            "taskDefinition" => td2,
            _ => new JsonArray { new JsonObject { ["type"] = "spread", ["field"] = "attribute:ecs.availability-zone" } },
        };
        var updated = (await Client.EcsAsync("UpdateService", request))["service"]!;

        var deployments = updated["deployments"]!.AsArray();
        Assert.Equal(2, deployments.Count);
        Assert.Equal(["PRIMARY", "ACTIVE"], deployments.Select(d => Str(d, "status")));
        Assert.Equal("IN_PROGRESS", Str(deployments[0], "rolloutState"));
        await TickUntilRolloutAsync("web", "COMPLETED");
        var final = await DescribeServiceAsync("web");
        Assert.Single(final["deployments"]!.AsArray());
    }

    [Fact]
    public async Task Update_during_a_rollout_supersedes_it_and_only_the_newest_revision_remains()
    {
        await CreateClusterAsync();
        var v1 = await RegisterAsync("web", "nginx:1");
        var v2 = await RegisterAsync("web", "nginx:2");
        var v3 = await RegisterAsync("web", "nginx:3");
        await CreateServiceAsync("web", v1, 3);
        await TickUntilRolloutAsync("web", "COMPLETED");

        await Client.EcsAsync("UpdateService", new JsonObject { ["service"] = "web", ["taskDefinition"] = v2 });
        Sim.Tick();
        var three = (await Client.EcsAsync("UpdateService", new JsonObject { ["service"] = "web", ["taskDefinition"] = v3 }))["service"]!;
        var done = await TickUntilRolloutAsync("web", "COMPLETED");
        var running = await DescribeTasksAsync("default", await ListTaskArnsAsync(new JsonObject { ["serviceName"] = "web" }));
        var history = (await Client.EcsAsync("ListServiceDeployments", new JsonObject { ["service"] = "web" }))["serviceDeployments"]!.AsArray();

        Assert.Equal([v3, v2, v1], three["deployments"]!.AsArray().Select(d => Str(d, "taskDefinition")));
        Assert.Equal(v3, Str(done["deployments"]!.AsArray().Single(), "taskDefinition"));
        Assert.Equal(3, running.Count);
        Assert.All(running, t => Assert.Equal(v3, Str(t, "taskDefinitionArn")));
        Assert.Equal(["SUCCESSFUL", "STOPPED", "SUCCESSFUL"], history.Select(h => Str(h, "status")));
    }

    [Fact]
    public async Task Updating_an_unknown_service_or_cluster_fails_like_ECS()
    {
        await CreateClusterAsync();
        var noService = await Client.EcsFailsAsync("UpdateService", new JsonObject { ["service"] = "ghost", ["desiredCount"] = 1 });
        var noCluster = await Client.EcsFailsAsync("UpdateService", new JsonObject { ["cluster"] = "ghost", ["service"] = "web", ["desiredCount"] = 1 });
        var deleteMissing = await Client.EcsFailsAsync("DeleteService", new JsonObject { ["service"] = "ghost" });

        Assert.Equal(("ServiceNotFoundException", "Service not found."), (noService.Code, noService.AwsMessage));
        Assert.Equal("ClusterNotFoundException", noCluster.Code);
        Assert.Equal("ServiceNotFoundException", deleteMissing.Code);
    }

    [Fact]
    public async Task DeleteService_requires_force_or_zero_then_drains_to_INACTIVE()
    {
        await CreateClusterAsync();
        var td = await RegisterAsync("web", "nginx:1");
        await CreateServiceAsync("web", td, 2);
        await TickUntilRolloutAsync("web", "COMPLETED");

        var refused = await Client.EcsFailsAsync("DeleteService", new JsonObject { ["service"] = "web" });
        var deleting = (await Client.EcsAsync("DeleteService", new JsonObject { ["service"] = "web", ["force"] = true }))["service"]!;
        var recreate = await Client.EcsFailsAsync("CreateService", new JsonObject { ["serviceName"] = "web", ["taskDefinition"] = td, ["desiredCount"] = 1 });
        var statuses = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            statuses.Add(Str(await DescribeServiceAsync("web"), "status"));
            Sim.Tick();
        }

        Assert.Equal("InvalidParameterException", refused.Code);
        Assert.Equal("The service cannot be stopped while it is scaled above 0.", refused.AwsMessage);
        Assert.Equal("DRAINING", Str(deleting, "status"));
        Assert.Equal(0, Int(deleting, "desiredCount"));
        Assert.Contains("Draining", recreate.AwsMessage, StringComparison.Ordinal);
        Assert.Equal("DRAINING", statuses[0]);
        Assert.Equal("INACTIVE", statuses[^1]);
        var stopped = await ListTaskArnsAsync(new JsonObject { ["desiredStatus"] = "STOPPED" });
        var tasks = await DescribeTasksAsync("default", stopped);
        Assert.All(tasks, t => Assert.Equal("ServiceSchedulerInitiated", Str(t, "stopCode")));
        Assert.Empty((await Client.EcsAsync("ListServices", []))["serviceArns"]!.AsArray());
        var updateInactive = await Client.EcsFailsAsync("UpdateService", new JsonObject { ["service"] = "web", ["desiredCount"] = 1 });
        Assert.Equal("ServiceNotActiveException", updateInactive.Code);
    }

    [Fact]
    public async Task ListServices_pages_with_next_token()
    {
        await CreateClusterAsync();
        var td = await RegisterAsync("web", "nginx:1");
        for (var i = 0; i < 13; i++)
        {
            await CreateServiceAsync($"svc{i}", td, 0);
        }

        var first = await Client.EcsAsync("ListServices", []);
        var second = await Client.EcsAsync("ListServices", new JsonObject { ["nextToken"] = Str(first, "nextToken") });

        Assert.Equal(10, first["serviceArns"]!.AsArray().Count);
        Assert.Equal(3, second["serviceArns"]!.AsArray().Count);
        Assert.Null(second["nextToken"]);
        Assert.Empty(first["serviceArns"]!.AsArray().Select(a => a!.GetValue<string>()).Intersect(second["serviceArns"]!.AsArray().Select(a => a!.GetValue<string>())));
    }

    [Fact]
    public async Task Service_deployments_are_listed_newest_first_and_described_with_revisions()
    {
        await CreateClusterAsync();
        var td = await RegisterAsync("web", "nginx:1");
        var td2 = await RegisterAsync("web", "nginx:2");
        await CreateServiceAsync("web", td, 2);
        await TickUntilRolloutAsync("web", "COMPLETED");
        await Client.EcsAsync("UpdateService", new JsonObject { ["service"] = "web", ["taskDefinition"] = td2 });
        Sim.Tick();

        var list = (await Client.EcsAsync("ListServiceDeployments", new JsonObject { ["service"] = "web" }))["serviceDeployments"]!.AsArray();
        var inProgress = await Client.EcsAsync("ListServiceDeployments", new JsonObject { ["service"] = "web", ["status"] = new JsonArray { "IN_PROGRESS" } });
        await TickUntilRolloutAsync("web", "COMPLETED");
        var described = (await Client.EcsAsync("DescribeServiceDeployments", new JsonObject
        {
            ["serviceDeploymentArns"] = new JsonArray { Str(list[0], "serviceDeploymentArn"), "arn:aws:ecs:us-east-1:123456789012:service-deployment/default/web/nope" },
        }))!;

        Assert.Equal(["IN_PROGRESS", "SUCCESSFUL"], list.Select(d => Str(d, "status")));
        Assert.Single(inProgress["serviceDeployments"]!.AsArray());
        var sd = described["serviceDeployments"]![0]!;
        Assert.Equal("SUCCESSFUL", Str(sd, "status"));
        Assert.NotNull(sd["finishedAt"]);
        Assert.Equal(2, Int(sd["targetServiceRevision"], "runningTaskCount"));
        Assert.Equal(2, Int(sd["sourceServiceRevisions"]![0], "runningTaskCount"));
        Assert.Contains(":service-revision/default/web/", Str(sd["targetServiceRevision"], "arn"), StringComparison.Ordinal);
        Assert.Equal("MISSING", Str(described["failures"]![0], "reason"));

        var revisions = await Client.EcsAsync("DescribeServiceRevisions", new JsonObject
        {
            ["serviceRevisionArns"] = new JsonArray { Str(sd["targetServiceRevision"], "arn"), Str(sd["sourceServiceRevisions"]![0], "arn") },
        });
        Assert.Equal([td2, td], revisions["serviceRevisions"]!.AsArray().Select(r => Str(r, "taskDefinition")));
        Assert.Equal("nginx:2", Str(revisions["serviceRevisions"]![0]!["containerImages"]![0], "image"));
    }
}
