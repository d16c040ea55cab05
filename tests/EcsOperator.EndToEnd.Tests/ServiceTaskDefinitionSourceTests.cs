using System.Text.Json.Nodes;
using EcsOperator.Api;
using EcsOperator.Api.Clusters;
using EcsOperator.Api.Services;
using EcsOperator.Api.Shared;
using EcsOperator.Api.TaskDefinitions;
using EcsOperator.Aws.Model.Ecs;
using EcsOperator.Kubernetes.Model;
using Xunit;
using static EcsOperator.EndToEnd.Tests.ServiceScenario;
using static EcsOperator.EndToEnd.Tests.Waits;

namespace EcsOperator.EndToEnd.Tests;

/// <summary>
/// The EcsService controller against the test API server and the ECS simulator: where the task definition and the
/// cluster come from (a referenced EcsTaskDefinition or EcsCluster that does not exist yet, an inline template).
/// </summary>
public sealed class ServiceTaskDefinitionSourceTests
{
    private const string InlineFamily = OperatorEnvironment.Namespace + "_svc_api"; // TaskDefinitionFamilies.ForInlineTemplate

    [Fact]
    public async Task A_service_waits_Pending_for_a_referenced_task_definition_and_is_created_once_it_has_a_revision()
    {
        await using var env = await StartAsync();
        await env.Services.CreateAsync(NewService("web"), Ct);

        var waiting = await WaitForAsync(env, "web", o => Condition(o, ConditionTypes.Ready) is { Reason: ConditionReasons.Pending });
        Assert.Contains("waiting for EcsTaskDefinition web", Condition(waiting, ConditionTypes.Ready)!.Message, StringComparison.Ordinal);
        Assert.Equal(ConditionReasons.Creating, Condition(waiting, ConditionTypes.Reconciling)!.Reason);
        Assert.Null(Condition(waiting, ConditionTypes.Stalled));
        Assert.Equal(0, env.Ecs.Calls.Total);

        await env.TaskDefinitions.CreateAsync(NewTaskDefinition("web", "nginx:1.27"), Ct);
        var ready = await TickUntilReadyAsync(env, "web");
        Assert.Equal(1, env.Ecs.Calls["ecs:CreateService"]);
        Assert.EndsWith($"{Family}:1", ready.Status!.TaskDefinitionArn, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_service_created_beside_its_task_definition_writes_nothing_while_the_task_definition_is_being_registered()
    {
        await using var env = await StartAsync();
        // RegisterTaskDefinition takes 1.5 s: the service is reconciled while its task definition has no status yet.
        env.Ecs.Faults.SetLatency("RegisterTaskDefinition", TimeSpan.FromMilliseconds(1500));
        var serviceWrites = new System.Collections.Concurrent.ConcurrentQueue<JsonObject>();
        env.Kube.Written += w =>
        {
            if (w.Plural == Kinds.Service.Plural && w.Type == "MODIFIED")
                serviceWrites.Enqueue(w.Object);
        };
        // The task definition's first status is also held until the service has been looked at: with the 1.5 s alone, a
        // loaded machine could finish registering (and the service go on) before the look below.
        using (env.Kube.HoldRequests(r => r.Resource == Kinds.TaskDefinition.Plural && r.Subresource == "status" && r.Verb is not ("get" or "list" or "watch")))
        {
            await env.TaskDefinitions.CreateAsync(NewTaskDefinition("web", "nginx:1.27"), Ct);
            await env.Services.CreateAsync(NewService("web"), Ct);

            await Task.Delay(750, Ct);
            var meanwhile = await env.Services.GetAsync(OperatorEnvironment.Namespace, "web", Ct);
            Assert.Null(meanwhile.Status); // no "waiting" for a task definition that is being registered right now
            Assert.Null(meanwhile.Metadata.Finalizers); // nothing in AWS yet, so nothing to clean up
            Assert.Empty(serviceWrites);
        }

        var ready = await TickUntilReadyAsync(env, "web");
        Assert.Equal(1, env.Ecs.Calls["ecs:CreateService"]);
        Assert.Contains(ApiGroup.CleanupFinalizer, ready.Metadata.Finalizers!);
        // Every status the service ever had was about its own ECS service, never about waiting.
        Assert.DoesNotContain(serviceWrites, o => o.ToJsonString().Contains("waiting for EcsTaskDefinition", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_service_whose_task_definition_AWS_keeps_refusing_says_it_waits_without_waiting_for_the_resync()
    {
        await using var env = await StartAsync();
        // Throttled on every attempt, slowly: the service is reconciled (and waits without a word) before the task
        // definition's first status. That status is neither Ready nor Stalled, but it must still wake the service.
        env.Ecs.Faults.SetLatency("RegisterTaskDefinition", TimeSpan.FromMilliseconds(300));
        env.Ecs.Faults.ThrottleNext("RegisterTaskDefinition", 1000);
        await env.TaskDefinitions.CreateAsync(NewTaskDefinition("web", "nginx:1.27"), Ct);
        await env.Services.CreateAsync(NewService("web"), Ct);

        var waiting = await WaitForAsync(env, "web", o => Condition(o, ConditionTypes.Ready) is { Reason: ConditionReasons.Pending });
        Assert.Contains("waiting for EcsTaskDefinition web to register a revision of its current spec", Condition(waiting, ConditionTypes.Ready)!.Message, StringComparison.Ordinal);
        Assert.Null(Condition(waiting, ConditionTypes.Stalled));
        Assert.Equal(0, env.Ecs.Calls["ecs:CreateService"]);

        env.Ecs.Faults.Clear();
        await TickUntilReadyAsync(env, "web");
        Assert.Equal(1, env.Ecs.Calls["ecs:CreateService"]);
    }

    [Fact]
    public async Task A_service_waits_for_a_referenced_cluster_to_be_Ready_and_is_created_in_it()
    {
        await using var env = await StartAsync();
        await env.TaskDefinitions.CreateAsync(NewTaskDefinition("web", "nginx:1.27"), Ct);
        var service = NewService("web");
        await env.Services.CreateAsync(service with { Spec = service.Spec with { ClusterRef = new LocalObjectReference { Name = "payments" } } }, Ct);

        var waiting = await WaitForAsync(env, "web", o => Condition(o, ConditionTypes.Ready) is { Reason: ConditionReasons.Pending, Message: var m } && m.Contains("EcsCluster payments", StringComparison.Ordinal));
        Assert.Null(Condition(waiting, ConditionTypes.Stalled));
        Assert.Equal(0, env.Ecs.Calls["ecs:CreateService"]);

        await env.Clusters.CreateAsync(new EcsCluster
        {
            Metadata = new ObjectMeta { Name = "payments", Namespace = OperatorEnvironment.Namespace },
            Spec = new EcsClusterSpec(),
        }, Ct);
        var ready = await TickUntilReadyAsync(env, "web");
        Assert.Equal("payments", ready.Status!.ClusterName);
        Assert.Single(ListServices(env, "payments"));
        Assert.Equal(1, env.Ecs.Calls["ecs:CreateService"]);
    }

    [Fact]
    public async Task A_service_whose_task_definition_is_Stalled_on_a_newer_spec_is_not_Ready_and_names_it()
    {
        await using var env = await StartAsync();
        await env.TaskDefinitions.CreateAsync(NewTaskDefinition("web", "nginx:1.27"), Ct);
        await env.Services.CreateAsync(NewService("web"), Ct);
        await TickUntilReadyAsync(env, "web");

        // 4096 MiB does not go with 256 CPU units on Fargate: the task definition stalls InvalidSpec on generation 2.
        var td = await env.TaskDefinitions.GetAsync(OperatorEnvironment.Namespace, "web", Ct);
        await env.TaskDefinitions.ReplaceAsync(td with { Spec = td.Spec with { Memory = "4096" } }, Ct);
        var behind = await WaitForAsync(env, "web", o => Condition(o, ConditionTypes.Ready) is { Status: "False", Message: var m } && m.Contains("Stalled", StringComparison.Ordinal));

        var ready = Condition(behind, ConditionTypes.Ready)!;
        Assert.Contains("EcsTaskDefinition web", ready.Message, StringComparison.Ordinal);
        Assert.Contains(ConditionReasons.InvalidSpec, ready.Message, StringComparison.Ordinal);
        Assert.EndsWith($"{Family}:1", behind.Status!.TaskDefinitionArn, StringComparison.Ordinal); // still running the old revision
    }

    [Fact]
    public async Task An_inline_template_registers_one_tagged_revision_reuses_it_after_a_restart_and_retires_it_on_deletion()
    {
        await using var env = await StartAsync();
        await env.Services.CreateAsync(InlineService("api", "nginx:1.27"), Ct);
        var ready = await TickUntilReadyAsync(env, "api");

        Assert.Equal(1, env.Ecs.Calls["ecs:RegisterTaskDefinition"]);
        Assert.EndsWith($"{InlineFamily}:1", ready.Status!.TaskDefinitionArn, StringComparison.Ordinal);
        var tags = env.Ecs.Invoke("DescribeTaskDefinition", new JsonObject { ["taskDefinition"] = $"{InlineFamily}:1", ["include"] = new JsonArray("TAGS") })["tags"]!.AsArray();
        Assert.Contains(tags, t => (string?)t!["key"] == ApiGroup.OwnerTagKey && ((string?)t["value"])!.EndsWith($"/{OperatorEnvironment.Namespace}/api", StringComparison.Ordinal));
        Assert.Contains(tags, t => (string?)t!["key"] == ApiGroup.SpecHashTagKey);

        // A restarted operator finds the revision by its tags instead of registering a duplicate.
        await env.StopOperatorAsync(Ct);
        var reconciles = env.ReconcileCountOf(EcsService.KindName);
        await env.StartOperatorAsync(Ct, Fast);
        await Eventually(() => env.ReconcileCountOf(EcsService.KindName) > reconciles, "a reconcile after the restart");
        await TickAndSettleAsync(env, 2);
        Assert.Equal(1, env.Ecs.Calls["ecs:RegisterTaskDefinition"]);
        Assert.Equal(0, env.Ecs.Calls["ecs:UpdateService"]);

        // A template change is a new revision and one update.
        await EditSpecAsync(env, "api", s => s with { TaskDefinitionTemplate = s.TaskDefinitionTemplate! with { ContainerDefinitions = [s.TaskDefinitionTemplate.ContainerDefinitions[0] with { Image = "nginx:1.28" }] } });
        await TickUntilAsync(env, "api", o => IsReady(o) && o.Status!.TaskDefinitionArn!.EndsWith($"{InlineFamily}:2", StringComparison.Ordinal));
        Assert.Equal(2, env.Ecs.Calls["ecs:RegisterTaskDefinition"]);
        Assert.Equal(1, env.Ecs.Calls["ecs:UpdateService"]);

        await env.Services.DeleteAsync(OperatorEnvironment.Namespace, "api", cancellationToken: Ct);
        for (var i = 0; i < 20 && await env.Services.TryGetAsync(OperatorEnvironment.Namespace, "api", Ct) is not null; i++)
            await TickAndSettleAsync(env, 1);
        Assert.Null(await env.Services.TryGetAsync(OperatorEnvironment.Namespace, "api", Ct));
        Assert.Empty(Revisions(env, "ACTIVE"));
        Assert.Empty(Revisions(env, "INACTIVE"));
    }

    [Fact]
    public async Task An_inline_template_keeps_the_default_revision_history_and_retires_older_revisions_nothing_runs()
    {
        await using var env = await StartAsync();
        await env.Services.CreateAsync(InlineService("api", "nginx:1.0"), Ct);
        await TickUntilReadyAsync(env, "api");

        // Eleven template changes, each rolled out: twelve revisions registered, the default history limit (10) kept.
        for (var i = 1; i <= 11; i++)
        {
            var image = $"nginx:1.{i}";
            await EditSpecAsync(env, "api", s => s with { TaskDefinitionTemplate = s.TaskDefinitionTemplate! with { ContainerDefinitions = [s.TaskDefinitionTemplate.ContainerDefinitions[0] with { Image = image }] } });
            var revision = i + 1;
            await TickUntilAsync(env, "api", o => IsReady(o) && o.Status!.TaskDefinitionArn!.EndsWith($"{InlineFamily}:{revision}", StringComparison.Ordinal));
        }

        Assert.Equal(12, env.Ecs.Calls["ecs:RegisterTaskDefinition"]);
        Assert.Equal(Enumerable.Range(3, 10).Select(r => $"{InlineFamily}:{r}"), Revisions(env, "ACTIVE").Select(a => a[(a.LastIndexOf('/') + 1)..]).Order(StringComparer.Ordinal).OrderBy(r => int.Parse(r[(r.LastIndexOf(':') + 1)..], System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal([$"{InlineFamily}:1", $"{InlineFamily}:2"], Revisions(env, "INACTIVE").Select(a => a[(a.LastIndexOf('/') + 1)..]).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task An_external_family_means_its_latest_revision_without_an_update_loop_and_rolls_to_a_newer_one()
    {
        await using var env = await StartAsync(o => o.ResyncInterval = TimeSpan.FromMilliseconds(300));
        RegisterExternalRevision(env, "legacy");
        await env.Services.CreateAsync(NewService("web", taskDefinition: "legacy"), Ct);
        var ready = await TickUntilReadyAsync(env, "web");
        Assert.EndsWith("legacy:1", ready.Status!.TaskDefinitionArn, StringComparison.Ordinal);

        await TickAndSettleAsync(env, 4);
        Assert.Equal(0, env.Ecs.Calls["ecs:UpdateService"]);

        RegisterExternalRevision(env, "legacy");
        await TickUntilAsync(env, "web", o => IsReady(o) && o.Status!.TaskDefinitionArn!.EndsWith("legacy:2", StringComparison.Ordinal));
        Assert.Equal(1, env.Ecs.Calls["ecs:UpdateService"]);
        Assert.Null(Condition(await env.Services.GetAsync(OperatorEnvironment.Namespace, "web", Ct), ConditionTypes.Drifted));
    }

    private static EcsService InlineService(string name, string image)
    {
        var service = NewService(name);
        return service with
        {
            Spec = service.Spec with
            {
                TaskDefinitionRef = null,
                TaskDefinitionTemplate = new TaskDefinitionTemplate
                {
                    RequiresCompatibilities = ["FARGATE"],
                    NetworkMode = "awsvpc",
                    Cpu = "256",
                    Memory = "512",
                    ContainerDefinitions = [new ContainerDefinition { Name = "api", Image = image }],
                },
            },
        };
    }

    private static List<string> Revisions(OperatorEnvironment env, string status) =>
        env.Ecs.Invoke("ListTaskDefinitions", new JsonObject { ["familyPrefix"] = InlineFamily, ["status"] = status })["taskDefinitionArns"]!.AsArray()
            .Select(a => (string)a!).ToList();
}
