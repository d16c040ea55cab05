using System.Text.Json;
using System.Text.Json.Nodes;
using EcsOperator.Api;
using EcsOperator.Api.Shared;
using EcsOperator.Api.TaskDefinitions;
using EcsOperator.Api.Tasks;
using EcsOperator.Aws.Model.Ecs;
using EcsOperator.Core.TaskDefinitions;
using EcsOperator.Kubernetes.Model;
using Xunit;
using static EcsOperator.EndToEnd.Tests.Waits;

namespace EcsOperator.EndToEnd.Tests;

/// <summary>The EcsTaskDefinition controller, run by the real host against the test API server and the ECS simulator.</summary>
public sealed class TaskDefinitionTests
{
    private const string Register = "ecs:RegisterTaskDefinition";
    private const string Census = "ecs:ListTaskDefinitionFamilies";
    private const string Family = OperatorEnvironment.Namespace + "_td_web"; // TaskDefinitionFamilies.ForTaskDefinition
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Creating_registers_exactly_one_revision_and_reports_Ready()
    {
        await using var env = await OperatorEnvironment.StartAsync(Ct);
        await env.StartOperatorAsync(Ct);

        await env.TaskDefinitions.CreateAsync(NewTaskDefinition("web", "nginx:1.27"), Ct);
        var ready = await WaitReadyAsync(env, "web");

        Assert.Equal(1, env.Ecs.Calls[Register]);
        Assert.Equal(Family, ready.Status!.Family);
        Assert.Equal(1, ready.Status.Revision);
        Assert.EndsWith($":task-definition/{Family}:1", ready.Status.TaskDefinitionArn, StringComparison.Ordinal);
        Assert.Equal(1, Assert.Single(ready.Status.Revisions!).Revision);
        Assert.Contains(ApiGroup.CleanupFinalizer, ready.Metadata.Finalizers!);
        var tags = Described(env, $"{Family}:1")["tags"]!.AsArray();
        Assert.Contains(tags, t => (string?)t!["key"] == ApiGroup.OwnerTagKey && ((string?)t["value"])!.EndsWith("/shop/web", StringComparison.Ordinal));
        Assert.Contains(tags, t => (string?)t!["key"] == ApiGroup.SpecHashTagKey && (string?)t["value"] == ready.Status.SpecHash);
        await Eventually(() => env.Kube.ListObjects("events.k8s.io", "events", OperatorEnvironment.Namespace)
            .Any(e => (string?)e["reason"] == EventReasons.RevisionRegistered && (string?)e["type"] == "Normal"), "a RevisionRegistered event");
    }

    [Fact]
    public async Task A_new_object_of_an_absent_family_lists_no_revisions_and_an_owned_INACTIVE_one_is_still_deleted_later()
    {
        await using var env = await OperatorEnvironment.StartAsync(Ct);
        await env.StartOperatorAsync(Ct);

        // Nothing in status and the family census holds no such family: nothing to find, nothing to housekeep.
        await env.TaskDefinitions.CreateAsync(NewTaskDefinition("web", "nginx:1"), Ct);
        await WaitReadyAsync(env, "web");
        Assert.Equal(0, env.Ecs.Calls["ecs:ListTaskDefinitions"]);
        Assert.Equal(1, env.Ecs.Calls[Census]);
        Assert.Equal(1, env.Ecs.Calls[Register]);

        // Once something of its own is ACTIVE the INACTIVE list is read again: a revision of ours deregistered by
        // hand is deleted at the next full look (the spec change).
        await EditSpecAsync(env, "web", s => s with { ContainerDefinitions = [s.ContainerDefinitions[0] with { Image = "nginx:2" }] });
        await WaitReadyAsync(env, "web");
        env.Ecs.Invoke("DeregisterTaskDefinition", new JsonObject { ["taskDefinition"] = $"{Family}:1" });
        await EditSpecAsync(env, "web", s => s with { ContainerDefinitions = [s.ContainerDefinitions[0] with { Image = "nginx:3" }] });
        await WaitReadyAsync(env, "web");
        await Eventually(() => Revisions(env, "DELETE_IN_PROGRESS").Contains(1), "the owned INACTIVE revision 1 deleted");
        Assert.Empty(Revisions(env, "INACTIVE"));
    }

    [Fact]
    public async Task Editing_the_image_registers_exactly_one_new_revision()
    {
        await using var env = await OperatorEnvironment.StartAsync(Ct);
        await env.StartOperatorAsync(Ct);
        await env.TaskDefinitions.CreateAsync(NewTaskDefinition("web", "nginx:1.27"), Ct);
        await WaitReadyAsync(env, "web");

        await EditSpecAsync(env, "web", s => s with { ContainerDefinitions = [s.ContainerDefinitions[0] with { Image = "nginx:1.28" }] });
        var ready = await WaitReadyAsync(env, "web");

        Assert.Equal(2, env.Ecs.Calls[Register]);
        Assert.Equal(2, ready.Status!.Revision);
        Assert.Equal([2, 1], ready.Status.Revisions!.Select(r => r.Revision));
        Assert.Equal("nginx:1.28", (string?)Described(env, $"{Family}:2")["taskDefinition"]!["containerDefinitions"]![0]!["image"]);
    }

    [Fact]
    public async Task Label_changes_and_reordered_environment_variables_register_nothing()
    {
        await using var env = await OperatorEnvironment.StartAsync(Ct);
        await env.StartOperatorAsync(Ct);
        await env.TaskDefinitions.CreateAsync(NewTaskDefinition("web", "nginx:1.27"), Ct);
        var first = await WaitReadyAsync(env, "web");

        var reconciles = env.ReconcileCount;
        var current = await env.TaskDefinitions.GetAsync(OperatorEnvironment.Namespace, "web", Ct);
        await env.TaskDefinitions.ReplaceAsync(current with { Metadata = current.Metadata with { Labels = new Dictionary<string, string> { ["team"] = "checkout" } } }, Ct);
        await Eventually(() => env.ReconcileCount > reconciles, "a reconcile after the label change");

        await EditSpecAsync(env, "web", s => s with
        {
            ContainerDefinitions = [s.ContainerDefinitions[0] with { Environment = s.ContainerDefinitions[0].Environment!.Reverse().ToList() }],
        });
        var ready = await WaitReadyAsync(env, "web");

        Assert.Equal(1, env.Ecs.Calls[Register]);
        Assert.True(ready.Metadata.Generation > first.Metadata.Generation, "the reorder was a spec change");
        Assert.Equal(first.Status!.TaskDefinitionArn, ready.Status!.TaskDefinitionArn);
        Assert.Equal(first.Status.SpecHash, ready.Status.SpecHash);
    }

    [Fact]
    public async Task A_restarted_operator_registers_nothing_and_leaves_the_status_as_it_was()
    {
        await using var env = await OperatorEnvironment.StartAsync(Ct);
        await env.StartOperatorAsync(Ct);
        await env.TaskDefinitions.CreateAsync(NewTaskDefinition("web", "nginx:1.27"), Ct);
        var before = await WaitReadyAsync(env, "web");
        await env.StopOperatorAsync(Ct);
        env.Ecs.Calls.Reset();

        var reconciles = env.ReconcileCount;
        await env.StartOperatorAsync(Ct);
        await Eventually(() => env.ReconcileCount > reconciles, "a reconcile by the new host");
        var after = await env.TaskDefinitions.GetAsync(OperatorEnvironment.Namespace, "web", Ct);

        Assert.Equal(0, env.Ecs.Calls[Register]);
        Assert.Equal(StatusJson(before), StatusJson(after));
    }

    [Fact]
    public async Task A_lost_status_is_recovered_from_the_revision_tags_without_registering_a_duplicate()
    {
        await using var env = await OperatorEnvironment.StartAsync(Ct);
        await env.StartOperatorAsync(Ct);
        await env.TaskDefinitions.CreateAsync(NewTaskDefinition("web", "nginx:1.27"), Ct);
        var before = await WaitReadyAsync(env, "web");
        await env.StopOperatorAsync(Ct);

        // e.g. restored from a backup without status: only the tags on the revision remember it.
        await env.TaskDefinitions.ReplaceStatusAsync(before with { Status = new EcsTaskDefinitionStatus() }, Ct);
        env.Ecs.Calls.Reset();
        await env.StartOperatorAsync(Ct);
        var after = await WaitReadyAsync(env, "web");

        Assert.Equal(0, env.Ecs.Calls[Register]);
        Assert.Equal(before.Status!.TaskDefinitionArn, after.Status!.TaskDefinitionArn);
        Assert.Equal(1, Assert.Single(after.Status.Revisions!).Revision);
    }

    [Fact]
    public async Task Revisions_beyond_the_history_limit_are_deregistered_unless_a_service_still_runs_them()
    {
        await using var env = await OperatorEnvironment.StartAsync(Ct);
        await env.StartOperatorAsync(Ct);
        await env.TaskDefinitions.CreateAsync(NewTaskDefinition("web", "nginx:1", revisionHistoryLimit: 2), Ct);
        await WaitReadyAsync(env, "web");
        await EditSpecAsync(env, "web", s => s with { ContainerDefinitions = [s.ContainerDefinitions[0] with { Image = "nginx:2" }] });
        await WaitReadyAsync(env, "web");

        // A live service runs revision 2: it must stay ACTIVE whatever the limit says.
        env.Ecs.Invoke("CreateCluster", new JsonObject { ["clusterName"] = "default" });
        env.Ecs.Invoke("CreateService", new JsonObject
        {
            ["cluster"] = "default",
            ["serviceName"] = "web",
            ["taskDefinition"] = $"{Family}:2",
            ["desiredCount"] = 0,
            ["launchType"] = "FARGATE",
            ["networkConfiguration"] = new JsonObject { ["awsvpcConfiguration"] = new JsonObject { ["subnets"] = new JsonArray("subnet-1") } },
        });

        foreach (var image in new[] { "nginx:3", "nginx:4" })
        {
            await EditSpecAsync(env, "web", s => s with { ContainerDefinitions = [s.ContainerDefinitions[0] with { Image = image }] });
            await WaitReadyAsync(env, "web");
        }

        var ready = await env.TaskDefinitions.GetAsync(OperatorEnvironment.Namespace, "web", Ct);
        Assert.Equal(4, env.Ecs.Calls[Register]);
        Assert.Equal([2, 3, 4], Revisions(env, "ACTIVE"));
        Assert.Empty(Revisions(env, "INACTIVE"));
        Assert.Equal([1], Revisions(env, "DELETE_IN_PROGRESS")); // deregistered, then deleted: no deployment uses it
        Assert.Equal([4, 3, 2], ready.Status!.Revisions!.Select(r => r.Revision));
    }

    [Fact]
    public async Task History_cleanup_keeps_the_revision_a_running_EcsTask_was_started_from()
    {
        await using var env = await OperatorEnvironment.StartAsync(Ct);
        env.Ecs.Invoke("CreateCluster", new JsonObject { ["clusterName"] = "default" });
        await env.StartOperatorAsync(Ct);
        await env.TaskDefinitions.CreateAsync(NewTaskDefinition("web", "nginx:1", revisionHistoryLimit: 1), Ct);
        await WaitReadyAsync(env, "web");

        // A one-off run of revision 1, still running: the simulated clock does not move, so it never exits.
        await env.Tasks.CreateAsync(new EcsTask
        {
            Metadata = new ObjectMeta { Name = "migrate", Namespace = OperatorEnvironment.Namespace },
            Spec = new EcsTaskSpec
            {
                Cluster = "default",
                TaskDefinitionRef = new LocalObjectReference { Name = "web" },
                LaunchType = "FARGATE",
                NetworkConfiguration = new NetworkConfiguration { AwsvpcConfiguration = new AwsVpcConfiguration { Subnets = ["subnet-1"] } },
            },
        }, Ct);
        await Eventually(async () => (await env.Tasks.GetAsync(OperatorEnvironment.Namespace, "migrate", Ct)).Status is { TaskArns.Count: 1, TaskDefinitionArn: not null },
            "the run started");

        foreach (var image in new[] { "nginx:2", "nginx:3" })
        {
            await EditSpecAsync(env, "web", s => s with { ContainerDefinitions = [s.ContainerDefinitions[0] with { Image = image }] });
            await WaitReadyAsync(env, "web");
        }

        var run = await env.Tasks.GetAsync(OperatorEnvironment.Namespace, "migrate", Ct);
        Assert.NotEqual(TaskPhase.Succeeded, run.Status!.Phase);
        Assert.EndsWith($"{Family}:1", run.Status.TaskDefinitionArn, StringComparison.Ordinal);
        Assert.Equal([1, 3], Revisions(env, "ACTIVE")); // 2 retired by the limit; 1 kept for the running task
    }

    [Fact]
    public async Task An_invalid_spec_is_Stalled_with_the_field_path_without_any_ECS_call_or_hot_loop()
    {
        await using var env = await OperatorEnvironment.StartAsync(Ct);
        await env.StartOperatorAsync(Ct);

        await env.TaskDefinitions.CreateAsync(NewTaskDefinition("web", "nginx:1.27", memory: "4096"), Ct);
        var stalled = await WaitForAsync(env, "web", o => Condition(o, ConditionTypes.Stalled) is { Status: "True" } && o.Status!.ObservedGeneration == o.Metadata.Generation);

        var condition = Condition(stalled, ConditionTypes.Stalled)!;
        Assert.Equal(ConditionReasons.InvalidSpec, condition.Reason);
        Assert.Contains("spec.memory", condition.Message, StringComparison.Ordinal);
        Assert.Equal(ConditionReasons.InvalidSpec, Condition(stalled, ConditionTypes.Ready)!.Reason);
        var reconciles = env.ReconcileCount;
        await Task.Delay(TimeSpan.FromSeconds(2), Ct);
        Assert.InRange(env.ReconcileCount - reconciles, 0, 2);
        Assert.Equal(0, env.Ecs.Calls.Total);
    }

    [Fact]
    public async Task Deleting_with_the_Delete_policy_deregisters_and_deletes_the_revisions()
    {
        await using var env = await OperatorEnvironment.StartAsync(Ct);
        await env.StartOperatorAsync(Ct);
        await env.TaskDefinitions.CreateAsync(NewTaskDefinition("web", "nginx:1"), Ct);
        await WaitReadyAsync(env, "web");
        await EditSpecAsync(env, "web", s => s with { ContainerDefinitions = [s.ContainerDefinitions[0] with { Image = "nginx:2" }] });
        await WaitReadyAsync(env, "web");

        await env.TaskDefinitions.DeleteAsync(OperatorEnvironment.Namespace, "web", cancellationToken: Ct);
        await Eventually(async () => await env.TaskDefinitions.TryGetAsync(OperatorEnvironment.Namespace, "web", Ct) is null, "the object is gone");

        Assert.Empty(Revisions(env, "ACTIVE"));
        Assert.Equal([1, 2], Revisions(env, "DELETE_IN_PROGRESS"));
    }

    [Fact]
    public async Task A_family_owned_by_someone_else_is_Stalled_NotOwned_and_left_alone()
    {
        await using var env = await OperatorEnvironment.StartAsync(Ct);
        env.Ecs.Invoke("RegisterTaskDefinition", new JsonObject
        {
            ["family"] = Family,
            ["containerDefinitions"] = new JsonArray(new JsonObject { ["name"] = "app", ["image"] = "other:1", ["memory"] = 128 }),
            ["tags"] = new JsonArray(new JsonObject { ["key"] = ApiGroup.OwnerTagKey, ["value"] = "another-cluster/shop/web" }),
        });
        await env.StartOperatorAsync(Ct);
        await env.TaskDefinitions.CreateAsync(NewTaskDefinition("web", "nginx:1"), Ct);

        var stalled = await WaitForAsync(env, "web", o => Condition(o, ConditionTypes.Stalled) is { Status: "True" });
        Assert.Equal(ConditionReasons.NotOwned, Condition(stalled, ConditionTypes.Stalled)!.Reason);
        Assert.Contains("owned by another object", Condition(stalled, ConditionTypes.Stalled)!.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("another-cluster", Condition(stalled, ConditionTypes.Stalled)!.Message, StringComparison.Ordinal);

        await env.TaskDefinitions.DeleteAsync(OperatorEnvironment.Namespace, "web", cancellationToken: Ct);
        await Eventually(async () => await env.TaskDefinitions.TryGetAsync(OperatorEnvironment.Namespace, "web", Ct) is null, "the object is gone");
        Assert.Equal(0, env.Ecs.Calls[Register]);
        Assert.Equal(0, env.Ecs.Calls["ecs:DeregisterTaskDefinition"]);
        Assert.Equal([1], Revisions(env, "ACTIVE"));
        // The census ran and found the family, so the object listed it and refused it.
        Assert.True(env.Ecs.Calls[Census] >= 1);
        Assert.True(env.Ecs.Calls["ecs:ListTaskDefinitions"] >= 1);
    }

    [Fact]
    public async Task New_objects_of_one_namespace_share_one_family_census_and_list_no_revisions()
    {
        await using var env = await OperatorEnvironment.StartAsync(Ct);
        await env.StartOperatorAsync(Ct, o => o.TaskDefinitionFamilyCensusMaxAge = TimeSpan.FromMinutes(10));
        var names = Enumerable.Range(1, 6).Select(i => $"web{i}").ToList();

        foreach (var name in names)
            await env.TaskDefinitions.CreateAsync(NewTaskDefinition(name, "nginx:1"), Ct);
        foreach (var name in names)
            Assert.Equal(1, (await WaitReadyAsync(env, name)).Status!.Revision);

        Assert.Equal(1, env.Ecs.Calls[Census]);
        Assert.Equal(0, env.Ecs.Calls["ecs:ListTaskDefinitions"]);
        Assert.Equal(names.Count, env.Ecs.Calls[Register]);
    }

    [Fact]
    public async Task A_revision_a_previous_process_registered_is_found_despite_the_census_and_not_registered_again()
    {
        await using var env = await OperatorEnvironment.StartAsync(Ct);
        // What an operator killed between RegisterTaskDefinition and the status write leaves: a tagged revision, no status.
        var obj = NewTaskDefinition("web", "nginx:1.27");
        var translated = TaskDefinitionTranslator.Translate(obj.Spec, Family, $"c1/{OperatorEnvironment.Namespace}/web");
        env.Ecs.Invoke("RegisterTaskDefinition", JsonNode.Parse(JsonSerializer.Serialize(translated.Request, EcsJsonContext.Default.RegisterTaskDefinitionRequest))!.AsObject());
        await env.StartOperatorAsync(Ct, o => o.ClusterId = "c1");

        await env.TaskDefinitions.CreateAsync(obj, Ct);
        var ready = await WaitReadyAsync(env, "web");

        Assert.Equal(0, env.Ecs.Calls[Register]);
        Assert.Equal(1, ready.Status!.Revision);
        Assert.Equal(translated.SpecHash, ready.Status.SpecHash);
        Assert.Equal([1], Revisions(env, "ACTIVE"));
        Assert.Equal(1, env.Ecs.Calls[Census]);
    }

    [Fact]
    public async Task Deletion_waits_for_revisions_a_service_still_runs_and_names_them()
    {
        await using var env = await OperatorEnvironment.StartAsync(Ct);
        await env.StartOperatorAsync(Ct, o => o.DeletionRecheckInterval = TimeSpan.FromMilliseconds(200));
        await env.TaskDefinitions.CreateAsync(NewTaskDefinition("web", "nginx:1"), Ct);
        await WaitReadyAsync(env, "web");
        env.Ecs.Invoke("CreateCluster", new JsonObject { ["clusterName"] = "default" });
        env.Ecs.Invoke("CreateService", new JsonObject
        {
            ["cluster"] = "default",
            ["serviceName"] = "web",
            ["taskDefinition"] = $"{Family}:1",
            ["desiredCount"] = 0,
            ["launchType"] = "FARGATE",
            ["networkConfiguration"] = new JsonObject { ["awsvpcConfiguration"] = new JsonObject { ["subnets"] = new JsonArray("subnet-1") } },
        });

        await env.TaskDefinitions.DeleteAsync(OperatorEnvironment.Namespace, "web", cancellationToken: Ct);
        var deleting = await WaitForAsync(env, "web", o => Condition(o, ConditionTypes.Ready) is { Reason: ConditionReasons.Deleting });
        Assert.Contains($"{Family}:1", Condition(deleting, ConditionTypes.Ready)!.Message, StringComparison.Ordinal);
        Assert.Equal([1], Revisions(env, "ACTIVE"));

        env.Ecs.Invoke("DeleteService", new JsonObject { ["cluster"] = "default", ["service"] = "web", ["force"] = true });
        env.Ecs.Tick(3); // DRAINING -> INACTIVE: an inactive service has no deployments
        await Eventually(async () => await env.TaskDefinitions.TryGetAsync(OperatorEnvironment.Namespace, "web", Ct) is null, "the object is gone");
        Assert.Equal([1], Revisions(env, "DELETE_IN_PROGRESS"));
    }

    private static EcsTaskDefinition NewTaskDefinition(string name, string image, string memory = "512", int? revisionHistoryLimit = null,
        DeletionPolicy deletionPolicy = DeletionPolicy.Delete) => new()
    {
        Metadata = new ObjectMeta { Name = name, Namespace = OperatorEnvironment.Namespace },
        Spec = new EcsTaskDefinitionSpec
        {
            RequiresCompatibilities = ["FARGATE"],
            NetworkMode = "awsvpc",
            Cpu = "256",
            Memory = memory,
            RevisionHistoryLimit = revisionHistoryLimit,
            DeletionPolicy = deletionPolicy,
            ContainerDefinitions =
            [
                new ContainerDefinition
                {
                    Name = "web",
                    Image = image,
                    PortMappings = [new PortMapping { ContainerPort = 80 }],
                    Environment = [new NameValuePair { Name = "A", Value = "1" }, new NameValuePair { Name = "B", Value = "2" }],
                },
            ],
        },
    };

    private static async Task EditSpecAsync(OperatorEnvironment env, string name, Func<EcsTaskDefinitionSpec, EcsTaskDefinitionSpec> edit)
    {
        var current = await env.TaskDefinitions.GetAsync(OperatorEnvironment.Namespace, name, Ct);
        await env.TaskDefinitions.ReplaceAsync(current with { Spec = edit(current.Spec) }, Ct);
    }

    /// <summary>Ready=True for the object's current generation.</summary>
    private static Task<EcsTaskDefinition> WaitReadyAsync(OperatorEnvironment env, string name) =>
        Waits.ReadyAsync(env.TaskDefinitions, name, o => o.Status, StatusJson);

    private static Task<EcsTaskDefinition> WaitForAsync(OperatorEnvironment env, string name, Func<EcsTaskDefinition, bool> condition) =>
        Waits.ForAsync(env.TaskDefinitions, name, condition, StatusJson);

    private static Condition? Condition(EcsTaskDefinition obj, string type) => obj.Status?.Conditions?.FirstOrDefault(c => c.Type == type);

    private static string StatusJson(EcsTaskDefinition obj) => JsonSerializer.Serialize(obj.Status, ApiJsonContext.Default.EcsTaskDefinitionStatus);

    private static JsonObject Described(OperatorEnvironment env, string taskDefinition) =>
        env.Ecs.Invoke("DescribeTaskDefinition", new JsonObject { ["taskDefinition"] = taskDefinition, ["include"] = new JsonArray("TAGS") });

    private static List<int> Revisions(OperatorEnvironment env, string status) =>
        env.Ecs.Invoke("ListTaskDefinitions", new JsonObject { ["familyPrefix"] = Family, ["status"] = status })["taskDefinitionArns"]!.AsArray()
            .Select(a => int.Parse(((string)a!)[((string)a!).LastIndexOf(':')..][1..], System.Globalization.CultureInfo.InvariantCulture))
            .Order()
            .ToList();
}
