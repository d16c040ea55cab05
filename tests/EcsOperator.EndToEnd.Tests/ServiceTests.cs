using System.Text.Json;
using System.Text.Json.Nodes;
using EcsOperator.Api;
using EcsOperator.Api.Services;
using EcsOperator.Api.Shared;
using EcsOperator.Api.TaskDefinitions;
using EcsOperator.Aws.Model.Ecs;
using EcsOperator.Hosting;
using EcsOperator.Kubernetes.Model;
using EcsOperator.Reconcilers.Services;
using EcsOperator.Simulator.Controls;
using Microsoft.Extensions.DependencyInjection;
using Xunit;
using static EcsOperator.EndToEnd.Tests.Waits;

namespace EcsOperator.EndToEnd.Tests;

/// <summary>The EcsService controller, run by the real host against the test API server and the ECS simulator.</summary>
public sealed class ServiceTests
{
    private const string Cluster = "default";
    private const string Family = OperatorEnvironment.Namespace + "-web";
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;

    private static readonly string[] MutatingCalls =
    [
        "ecs:CreateService", "ecs:UpdateService", "ecs:DeleteService", "ecs:TagResource", "ecs:UntagResource",
        "ecs:RegisterTaskDefinition", "ecs:DeregisterTaskDefinition", "ecs:DeleteTaskDefinitions",
    ];

    [Fact]
    public async Task Creating_creates_the_service_once_with_a_client_token_and_becomes_Ready_as_the_rollout_completes()
    {
        await using var env = await StartAsync();
        await env.TaskDefinitions.CreateAsync(NewTaskDefinition("web", "nginx:1.27"), Ct);
        var created = await env.Services.CreateAsync(NewService("web"), Ct);

        var rolling = await WaitForAsync(env, "web", o => Condition(o, ConditionTypes.Reconciling) is { Reason: ConditionReasons.RolloutInProgress });
        Assert.Equal("False", Condition(rolling, ConditionTypes.Ready)!.Status);
        Assert.Equal(ConditionReasons.RolloutInProgress, Condition(rolling, ConditionTypes.Ready)!.Reason);

        var ready = await TickUntilReadyAsync(env, "web");
        Assert.Equal(1, env.Ecs.Calls["ecs:CreateService"]);
        Assert.Equal(0, env.Ecs.Calls["ecs:UpdateService"]);
        var live = Described(env, "web");
        // ECS remembers the token with the service: another create with it is refused instead of making a second service.
        var reused = Assert.ThrowsAny<Exception>(() => env.Ecs.Invoke("CreateService", new JsonObject
        {
            ["cluster"] = Cluster, ["serviceName"] = "other", ["taskDefinition"] = $"{Family}:1", ["clientToken"] = created.Metadata.Uid,
        }));
        Assert.Contains("not idempotent", reused.Message, StringComparison.Ordinal);
        Assert.EndsWith($"/{OperatorEnvironment.Namespace}/web", Tag(live, ApiGroup.OwnerTagKey), StringComparison.Ordinal);
        var status = ready.Status!;
        Assert.Equal((string?)live["serviceArn"], status.ServiceArn);
        Assert.Equal(Cluster, status.ClusterName);
        Assert.Equal("web", status.ServiceName);
        Assert.Equal(2, status.DesiredCount);
        Assert.Equal(2, status.RunningCount);
        Assert.Equal("COMPLETED", status.Rollout!.State);
        Assert.EndsWith($"{Family}:1", status.Rollout.TaskDefinitionArn, StringComparison.Ordinal);
        Assert.Contains(ApiGroup.CleanupFinalizer, ready.Metadata.Finalizers!);
        await Eventually(() => EventReasonsSeen(env).Contains(EventReasons.RolloutCompleted), "a RolloutCompleted event");
        Assert.Contains(EventReasons.Created, EventReasonsSeen(env));
    }

    [Fact]
    public async Task A_new_revision_of_the_referenced_task_definition_rolls_each_referencing_service_exactly_once()
    {
        await using var env = await StartAsync();
        await env.TaskDefinitions.CreateAsync(NewTaskDefinition("web", "nginx:1.27"), Ct);
        await env.Services.CreateAsync(NewService("web"), Ct);
        await env.Services.CreateAsync(NewService("web-canary"), Ct);
        await TickUntilReadyAsync(env, "web");
        await TickUntilReadyAsync(env, "web-canary");
        env.Ecs.Calls.Reset();

        var td = await env.TaskDefinitions.GetAsync(OperatorEnvironment.Namespace, "web", Ct);
        await env.TaskDefinitions.ReplaceAsync(td with { Spec = td.Spec with { ContainerDefinitions = [td.Spec.ContainerDefinitions[0] with { Image = "nginx:1.28" }] } }, Ct);
        await WaitForAsync(env, "web", o => o.Status?.Rollout?.TaskDefinitionArn?.EndsWith($"{Family}:2", StringComparison.Ordinal) == true);
        var web = await TickUntilReadyAsync(env, "web");
        var canary = await TickUntilReadyAsync(env, "web-canary");

        Assert.Equal(1, env.Ecs.Calls["ecs:RegisterTaskDefinition"]);
        Assert.Equal(2, env.Ecs.Calls["ecs:UpdateService"]);
        Assert.EndsWith($"{Family}:2", web.Status!.TaskDefinitionArn, StringComparison.Ordinal);
        Assert.EndsWith($"{Family}:2", canary.Status!.TaskDefinitionArn, StringComparison.Ordinal);
        Assert.Contains(EventReasons.RolloutStarted, EventReasonsSeen(env));

        // Later status writes of the task definition (and more ticks) roll nothing again.
        await TickAndSettleAsync(env, 4);
        Assert.Equal(2, env.Ecs.Calls["ecs:UpdateService"]);
    }

    [Fact]
    public async Task A_label_edit_and_an_operator_restart_make_no_mutating_call()
    {
        await using var env = await StartAsync();
        await env.TaskDefinitions.CreateAsync(NewTaskDefinition("web", "nginx:1.27"), Ct);
        await env.Services.CreateAsync(NewService("web"), Ct);
        await TickUntilReadyAsync(env, "web");
        env.Ecs.Calls.Reset();

        var reconciles = env.ReconcileCountOf(EcsService.KindName);
        var current = await env.Services.GetAsync(OperatorEnvironment.Namespace, "web", Ct);
        await env.Services.ReplaceAsync(current with { Metadata = current.Metadata with { Labels = new Dictionary<string, string> { ["team"] = "checkout" } } }, Ct);
        await Eventually(() => env.ReconcileCountOf(EcsService.KindName) > reconciles, "a reconcile after the label change");

        await env.StopOperatorAsync(Ct);
        reconciles = env.ReconcileCountOf(EcsService.KindName);
        await env.StartOperatorAsync(Ct, Fast);
        await Eventually(() => env.ReconcileCountOf(EcsService.KindName) > reconciles, "a reconcile after the restart");
        await TickAndSettleAsync(env, 2);

        Assert.Equal(0, MutatingCalls.Sum(c => env.Ecs.Calls[c]));
        var after = await Waits.ReadyAsync(env.Services, "web", o => o.Status, Describe);
        Assert.Null(Condition(after, ConditionTypes.Drifted));
    }

    [Fact]
    public async Task An_invalid_spec_is_Stalled_with_the_field_path_without_any_ECS_call_or_hot_loop()
    {
        await using var env = await StartAsync();
        // awsvpc needs subnets: a rule the validator checks before any AWS call.
        var service = NewService("web", taskDefinition: "external:1") with { };
        service = service with { Spec = service.Spec with { NetworkConfiguration = new NetworkConfiguration { AwsvpcConfiguration = new AwsVpcConfiguration { Subnets = [] } } } };
        await env.Services.CreateAsync(service, Ct);

        var stalled = await WaitForAsync(env, "web", o => Condition(o, ConditionTypes.Stalled) is { Status: "True" });
        var condition = Condition(stalled, ConditionTypes.Stalled)!;
        Assert.Equal(ConditionReasons.InvalidSpec, condition.Reason);
        Assert.Contains("spec.networkConfiguration", condition.Message, StringComparison.Ordinal);

        var reconciles = env.ReconcileCountOf(EcsService.KindName);
        await Task.Delay(500, Ct);
        Assert.True(env.ReconcileCountOf(EcsService.KindName) - reconciles <= 2, "no hot loop");
        Assert.Equal(0, env.Ecs.Calls.Total);
    }

    [Fact]
    public async Task A_failing_image_trips_the_circuit_breaker_to_RolloutFailed_and_the_failed_revision_is_not_pushed_again()
    {
        await using var env = await StartAsync(o => o.ResyncInterval = TimeSpan.FromMilliseconds(300));
        await env.TaskDefinitions.CreateAsync(NewTaskDefinition("web", "nginx:1.27"), Ct);
        await env.Services.CreateAsync(NewService("web"), Ct);
        await TickUntilReadyAsync(env, "web");
        env.Ecs.Rules.FailImage("broken/*");
        env.Ecs.Calls.Reset();

        await EditTaskDefinitionImageAsync(env, "web", "broken/web:1");
        var failed = await TickUntilAsync(env, "web", o => Condition(o, ConditionTypes.Stalled) is { Reason: ConditionReasons.RolloutFailed });
        var condition = Condition(failed, ConditionTypes.Stalled)!;
        Assert.Contains($"{Family}:2", condition.Message, StringComparison.Ordinal);
        Assert.Contains("circuit breaker", condition.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("FAILED", failed.Status!.Rollout!.State);
        await Eventually(() => EventReasonsSeen(env).Contains(EventReasons.RolloutFailed), "a RolloutFailed event");
        Assert.Equal(1, env.Ecs.Calls["ecs:UpdateService"]);

        // ECS rolls back to revision 1; resyncs of the rolled-back service must not push revision 2 again.
        await TickAndSettleAsync(env, 8);
        var after = await env.Services.GetAsync(OperatorEnvironment.Namespace, "web", Ct);
        Assert.Equal(1, env.Ecs.Calls["ecs:UpdateService"]);
        Assert.Equal(ConditionReasons.RolloutFailed, Condition(after, ConditionTypes.Stalled)?.Reason);
        Assert.EndsWith($"{Family}:1", (string?)Described(env, "web")["taskDefinition"], StringComparison.Ordinal);

        // A fixed image is a new revision: it rolls out.
        env.Ecs.Rules.ClearImageFailures();
        await EditTaskDefinitionImageAsync(env, "web", "nginx:1.29");
        var fixedUp = await TickUntilAsync(env, "web", o => IsReady(o) && o.Status!.TaskDefinitionArn!.EndsWith($"{Family}:3", StringComparison.Ordinal));
        Assert.Equal(2, env.Ecs.Calls["ecs:UpdateService"]);
        Assert.Null(Condition(fixedUp, ConditionTypes.Stalled));
    }

    [Fact]
    public async Task Drift_of_desired_count_task_definition_and_network_is_set_back_under_Correct()
    {
        await using var env = await StartAsync(o => o.ResyncInterval = TimeSpan.FromMilliseconds(300));
        await env.TaskDefinitions.CreateAsync(NewTaskDefinition("web", "nginx:1.27"), Ct);
        await env.Services.CreateAsync(NewService("web"), Ct);
        await TickUntilReadyAsync(env, "web");
        RegisterExternalRevision(env, "intruder");
        env.Ecs.Calls.Reset();

        env.Ecs.SetDesiredCount(Cluster, "web", 5);
        env.Ecs.SetServiceTaskDefinition(Cluster, "web", "intruder:1");
        env.Ecs.SetServiceNetworkConfiguration(Cluster, "web", new JsonObject { ["awsvpcConfiguration"] = new JsonObject { ["subnets"] = new JsonArray("subnet-9") } });
        // Drifted=True lasts until the corrected service matches again, which may be one reconcile: status.drift keeps the record.
        var drifted = await WaitForAsync(env, "web", o => o.Status?.Drift?.Fields is { Count: > 0 });
        var fields = string.Join(", ", drifted.Status!.Drift!.Fields!);
        Assert.Contains("desiredCount", fields, StringComparison.Ordinal);
        Assert.Contains("taskDefinition", fields, StringComparison.Ordinal);
        Assert.Contains("networkConfiguration", fields, StringComparison.Ordinal);
        Assert.True(drifted.Status.Drift.Corrected);
        await Eventually(() => EventReasonsSeen(env).Contains(EventReasons.DriftDetected), "a DriftDetected event");
        Assert.Contains(EventReasons.DriftCorrected, EventReasonsSeen(env));

        var settled = await TickUntilAsync(env, "web", o => IsReady(o) && Condition(o, ConditionTypes.Drifted) is { Status: "False" });

        var live = Described(env, "web");
        Assert.Equal(2, (int?)live["desiredCount"]);
        Assert.EndsWith($"{Family}:1", (string?)live["taskDefinition"], StringComparison.Ordinal);
        Assert.Equal("subnet-1", (string?)live["networkConfiguration"]!["awsvpcConfiguration"]!["subnets"]![0]);
        Assert.Equal(1, env.Ecs.Calls["ecs:UpdateService"]); // one update sets all three back
        Assert.Equal(ConditionReasons.DriftCorrected, Condition(settled, ConditionTypes.Drifted)!.Reason);
    }

    [Fact]
    public async Task Drift_is_only_reported_under_Report()
    {
        await using var env = await StartAsync(o => o.ResyncInterval = TimeSpan.FromMilliseconds(200));
        await env.TaskDefinitions.CreateAsync(NewTaskDefinition("web", "nginx:1.27"), Ct);
        await env.Services.CreateAsync(NewService("web", driftPolicy: DriftPolicy.Report), Ct);
        await TickUntilReadyAsync(env, "web");
        env.Ecs.SetServiceNetworkConfiguration(Cluster, "web", new JsonObject { ["awsvpcConfiguration"] = new JsonObject { ["subnets"] = new JsonArray("subnet-9") } });
        env.Ecs.Calls.Reset();

        var drifted = await WaitForAsync(env, "web", o => Condition(o, ConditionTypes.Drifted) is { Status: "True" });
        Assert.Equal(ConditionReasons.DriftReported, Condition(drifted, ConditionTypes.Drifted)!.Reason);
        Assert.Contains("networkConfiguration", Condition(drifted, ConditionTypes.Drifted)!.Message, StringComparison.Ordinal);

        await TickAndSettleAsync(env, 4);
        var after = await env.Services.GetAsync(OperatorEnvironment.Namespace, "web", Ct);
        Assert.Equal(0, MutatingCalls.Sum(c => env.Ecs.Calls[c]));
        Assert.Equal("subnet-9", (string?)Described(env, "web")["networkConfiguration"]!["awsvpcConfiguration"]!["subnets"]![0]);
        Assert.Equal(ConditionReasons.DriftReported, Condition(after, ConditionTypes.Drifted)!.Reason);
        Assert.False(after.Status!.Drift!.Corrected);
    }

    [Theory]
    [InlineData("launchType")]
    [InlineData("serviceName")]
    public async Task An_immutable_change_is_Stalled_naming_the_field_without_an_update(string field)
    {
        await using var env = await StartAsync();
        await env.TaskDefinitions.CreateAsync(NewTaskDefinition("web", "nginx:1.27", compatibilities: ["EC2", "FARGATE"]), Ct);
        await env.Services.CreateAsync(NewService("web"), Ct);
        await TickUntilReadyAsync(env, "web");
        env.Ecs.Calls.Reset();

        await EditSpecAsync(env, "web", s => field == "launchType" ? s with { LaunchType = "EC2" } : s with { ServiceName = "web-renamed" });
        var stalled = await WaitForAsync(env, "web", o => Condition(o, ConditionTypes.Stalled) is { Status: "True" } && o.Status!.ObservedGeneration == o.Metadata.Generation);
        var condition = Condition(stalled, ConditionTypes.Stalled)!;
        Assert.Equal(ConditionReasons.ImmutableFieldChanged, condition.Reason);
        Assert.Contains($"spec.{field}", condition.Message, StringComparison.Ordinal);

        await Task.Delay(300, Ct);
        Assert.Equal(0, MutatingCalls.Sum(c => env.Ecs.Calls[c]));
        Assert.Single(ListServices(env));
    }

    [Fact]
    public async Task An_untagged_service_is_NotOwned_until_adoptionPolicy_Adopt_and_then_managed()
    {
        await using var env = await StartAsync();
        RegisterExternalRevision(env, "legacy");
        env.Ecs.Invoke("CreateService", ExistingService("web", "legacy:1", tags: null));
        env.Ecs.Calls.Reset();

        await env.Services.CreateAsync(NewService("web", taskDefinition: "legacy:1"), Ct);
        var refused = await WaitForAsync(env, "web", o => Condition(o, ConditionTypes.Stalled) is { Status: "True" });
        Assert.Equal(ConditionReasons.NotOwned, Condition(refused, ConditionTypes.Stalled)!.Reason);
        Assert.Contains("adoptionPolicy", Condition(refused, ConditionTypes.Stalled)!.Message, StringComparison.Ordinal);
        Assert.Equal(0, MutatingCalls.Sum(c => env.Ecs.Calls[c]));

        await EditSpecAsync(env, "web", s => s with { AdoptionPolicy = AdoptionPolicy.Adopt });
        await TickUntilReadyAsync(env, "web");
        Assert.Equal(1, env.Ecs.Calls["ecs:TagResource"]);
        Assert.Equal(0, env.Ecs.Calls["ecs:CreateService"]);
        Assert.EndsWith($"/{OperatorEnvironment.Namespace}/web", Tag(Described(env, "web"), ApiGroup.OwnerTagKey), StringComparison.Ordinal);
        Assert.Single(ListServices(env));
    }

    [Fact]
    public async Task A_service_owned_by_someone_else_is_NotOwned_even_with_Adopt()
    {
        await using var env = await StartAsync();
        RegisterExternalRevision(env, "legacy");
        env.Ecs.Invoke("CreateService", ExistingService("web", "legacy:1", tags: new JsonArray(new JsonObject { ["key"] = ApiGroup.OwnerTagKey, ["value"] = "other-cluster/shop/web" })));
        env.Ecs.Calls.Reset();

        await env.Services.CreateAsync(NewService("web", taskDefinition: "legacy:1", adoptionPolicy: AdoptionPolicy.Adopt), Ct);
        var refused = await WaitForAsync(env, "web", o => Condition(o, ConditionTypes.Stalled) is { Status: "True" });
        Assert.Equal(ConditionReasons.NotOwned, Condition(refused, ConditionTypes.Stalled)!.Reason);
        Assert.Contains("other-cluster/shop/web", Condition(refused, ConditionTypes.Stalled)!.Message, StringComparison.Ordinal);
        await Task.Delay(300, Ct);
        Assert.Equal(0, MutatingCalls.Sum(c => env.Ecs.Calls[c]));
    }

    [Fact]
    public async Task Deletion_scales_to_zero_deletes_waits_for_INACTIVE_with_Deleting_and_then_lets_the_object_go()
    {
        await using var env = await StartAsync();
        await env.TaskDefinitions.CreateAsync(NewTaskDefinition("web", "nginx:1.27"), Ct);
        await env.Services.CreateAsync(NewService("web"), Ct);
        await TickUntilReadyAsync(env, "web");
        env.Ecs.Calls.Reset();

        await env.Services.DeleteAsync(OperatorEnvironment.Namespace, "web", cancellationToken: Ct);
        var deleting = await WaitForAsync(env, "web", o => Condition(o, ConditionTypes.Ready) is { Reason: ConditionReasons.Deleting });
        Assert.Equal(ConditionReasons.Deleting, Condition(deleting, ConditionTypes.Reconciling)!.Reason);
        Assert.Equal(1, env.Ecs.Calls["ecs:UpdateService"]);
        Assert.Equal(1, env.Ecs.Calls["ecs:DeleteService"]);
        Assert.Equal(0, (int?)Described(env, "web")["desiredCount"]);
        Assert.Equal("DRAINING", (string?)Described(env, "web")["status"]);
        Assert.Contains(ApiGroup.CleanupFinalizer, deleting.Metadata.Finalizers!);

        for (var i = 0; i < 20 && await env.Services.TryGetAsync(OperatorEnvironment.Namespace, "web", Ct) is not null; i++)
            await TickAndSettleAsync(env, 1);
        Assert.Null(await env.Services.TryGetAsync(OperatorEnvironment.Namespace, "web", Ct));
        Assert.Equal("INACTIVE", (string?)Described(env, "web")["status"]);
        Assert.Equal(1, env.Ecs.Calls["ecs:DeleteService"]);
        Assert.Contains(EventReasons.Deleted, EventReasonsSeen(env));
    }

    [Fact]
    public async Task Deletion_with_Retain_leaves_the_service_running()
    {
        await using var env = await StartAsync();
        await env.TaskDefinitions.CreateAsync(NewTaskDefinition("web", "nginx:1.27"), Ct);
        await env.Services.CreateAsync(NewService("web", deletionPolicy: DeletionPolicy.Retain), Ct);
        await TickUntilReadyAsync(env, "web");
        env.Ecs.Calls.Reset();

        await env.Services.DeleteAsync(OperatorEnvironment.Namespace, "web", cancellationToken: Ct);
        await Eventually(async () => await env.Services.TryGetAsync(OperatorEnvironment.Namespace, "web", Ct) is null, "the object is gone");
        Assert.Equal(0, MutatingCalls.Sum(c => env.Ecs.Calls[c]));
        Assert.Equal("ACTIVE", (string?)Described(env, "web")["status"]);
        Assert.Equal(2, (int?)Described(env, "web")["desiredCount"]);
    }

    [Fact]
    public async Task A_throttling_storm_converges_to_exactly_one_service()
    {
        await using var env = await StartAsync();
        await env.TaskDefinitions.CreateAsync(NewTaskDefinition("web", "nginx:1.27"), Ct);
        await WaitForAsyncTd(env, "web");
        env.Ecs.Faults.EnableThrottling(ThrottleFamily.Read, burst: 1, refillPerSecond: 0.1);
        env.Ecs.Faults.EnableThrottling(ThrottleFamily.Mutate, burst: 1, refillPerSecond: 0.1);
        env.Ecs.Faults.ThrottleNext("CreateService", 3);

        await env.Services.CreateAsync(NewService("web"), Ct);
        var ready = await TickUntilReadyAsync(env, "web");
        env.Ecs.Faults.DisableThrottling();

        Assert.Single(ListServices(env));
        Assert.Equal("ACTIVE", (string?)Described(env, "web")["status"]);
        Assert.Equal(2, ready.Status!.RunningCount);
    }

    [Fact]
    public async Task Steady_state_resync_of_25_services_costs_3_DescribeServices_per_sweep_and_nothing_else()
    {
        await using var env = await StartAsync(o => o.ResyncInterval = TimeSpan.FromSeconds(1));
        await env.TaskDefinitions.CreateAsync(NewTaskDefinition("web", "nginx:1.27"), Ct);
        var names = Enumerable.Range(1, 25).Select(i => $"web-{i:00}").ToList();
        foreach (var name in names)
            await env.Services.CreateAsync(NewService(name) with { Spec = NewService(name).Spec with { DesiredCount = 1 } }, Ct);
        foreach (var name in names)
            await TickUntilReadyAsync(env, name);

        var sweep = env.OperatorServices.GetRequiredService<ServiceResyncSweep>();
        var first = sweep.Sweeps;
        await Eventually(() => sweep.Sweeps > first, "a sweep after all are Ready");
        await Task.Delay(200, Ct); // the reconciles of that sweep
        var start = sweep.Sweeps;
        env.Ecs.Calls.Reset();
        env.Kube.ResetRequestLog();
        await Eventually(() => sweep.Sweeps >= start + 2, "two more sweeps");

        Assert.Equal(6, env.Ecs.Calls["ecs:DescribeServices"]);
        Assert.Equal(0, MutatingCalls.Sum(c => env.Ecs.Calls[c]));
        Assert.Equal(0, env.Ecs.Calls["ecs:ListServices"]);
        Assert.Equal(0, env.Kube.Requests.Count(r => r.Subresource == "status" && r.Method != "GET"));
    }

    [Fact]
    public async Task History_cleanup_keeps_a_revision_a_service_in_another_cluster_still_runs()
    {
        await using var env = await StartAsync(o => o.ResyncInterval = TimeSpan.FromMilliseconds(500));
        env.Ecs.Invoke("CreateCluster", new JsonObject { ["clusterName"] = "prod" });
        await env.TaskDefinitions.CreateAsync(NewTaskDefinition("web", "nginx:1.27") with
        {
            Spec = NewTaskDefinition("web", "nginx:1.27").Spec with { RevisionHistoryLimit = 1 },
        }, Ct);
        await env.Services.CreateAsync(NewService("web") with { Spec = NewService("web").Spec with { Cluster = "prod" } }, Ct);
        await TickUntilAsync(env, "web", IsReady);

        // Revision 2 replaces 1 in the history at once, but the service in "prod" still runs 1 until ECS rolls it.
        await EditTaskDefinitionImageAsync(env, "web", "nginx:1.28");
        await Eventually(async () => (await env.TaskDefinitions.GetAsync(OperatorEnvironment.Namespace, "web", Ct)).Status?.Revision == 2, "revision 2");
        await Task.Delay(300, Ct);
        Assert.Contains($"{Family}:1", TaskDefinitionRevisions(env, "ACTIVE"));

        // Once the service runs 2 only, a resync retires 1.
        await TickUntilAsync(env, "web", o => IsReady(o) && o.Status!.TaskDefinitionArn!.EndsWith($"{Family}:2", StringComparison.Ordinal) && o.Status.Deployments!.Count == 1);
        await Eventually(() => !TaskDefinitionRevisions(env, "ACTIVE").Contains($"{Family}:1"), "revision 1 retired");
    }

    private static async Task<OperatorEnvironment> StartAsync(Action<OperatorOptions>? configure = null)
    {
        var env = await OperatorEnvironment.StartAsync(Ct);
        env.Ecs.Invoke("CreateCluster", new JsonObject { ["clusterName"] = Cluster });
        env.Ecs.Calls.Reset();
        await env.StartOperatorAsync(Ct, o =>
        {
            Fast(o);
            configure?.Invoke(o);
        });
        return env;
    }

    private static void Fast(OperatorOptions options) => options.RolloutRecheckInterval = TimeSpan.FromMilliseconds(50);

    /// <summary>Advances the simulated world one tick at a time until the service is Ready for its generation.</summary>
    private static async Task<EcsService> TickUntilReadyAsync(OperatorEnvironment env, string name) =>
        await TickUntilAsync(env, name, IsReady);

    private static async Task<EcsService> TickUntilAsync(OperatorEnvironment env, string name, Func<EcsService, bool> condition)
    {
        EcsService? last = null;
        for (var i = 0; i < 60; i++)
        {
            var deadline = DateTime.UtcNow + TimeSpan.FromMilliseconds(400);
            while (DateTime.UtcNow < deadline)
            {
                last = await env.Services.TryGetAsync(OperatorEnvironment.Namespace, name, Ct);
                if (last is not null && condition(last))
                    return last;
                await Task.Delay(20, Ct);
            }

            env.Ecs.Tick();
        }

        throw new TimeoutException($"{name} never reached the expected state; last status: {(last is null ? "gone" : Describe(last))}");
    }

    /// <summary>Some ticks with time for the operator to look after each.</summary>
    private static async Task TickAndSettleAsync(OperatorEnvironment env, int ticks)
    {
        for (var i = 0; i < ticks; i++)
        {
            env.Ecs.Tick();
            await Task.Delay(150, Ct);
        }
    }

    private static bool IsReady(EcsService o) =>
        o.Status is { } s && s.ObservedGeneration == o.Metadata.Generation
        && s.Conditions?.FirstOrDefault(c => c.Type == ConditionTypes.Ready) is { Status: ConditionStatus.True } ready
        && ready.ObservedGeneration == o.Metadata.Generation;

    private static async Task EditTaskDefinitionImageAsync(OperatorEnvironment env, string name, string image)
    {
        var td = await env.TaskDefinitions.GetAsync(OperatorEnvironment.Namespace, name, Ct);
        await env.TaskDefinitions.ReplaceAsync(td with { Spec = td.Spec with { ContainerDefinitions = [td.Spec.ContainerDefinitions[0] with { Image = image }] } }, Ct);
    }

    private static Task WaitForAsyncTd(OperatorEnvironment env, string name) =>
        Waits.ReadyAsync(env.TaskDefinitions, name, o => o.Status, o => JsonSerializer.Serialize(o.Status, ApiJsonContext.Default.EcsTaskDefinitionStatus));

    private static void RegisterExternalRevision(OperatorEnvironment env, string family) =>
        env.Ecs.Invoke("RegisterTaskDefinition", new JsonObject
        {
            ["family"] = family,
            ["requiresCompatibilities"] = new JsonArray("FARGATE"),
            ["networkMode"] = "awsvpc",
            ["cpu"] = "256",
            ["memory"] = "512",
            ["containerDefinitions"] = new JsonArray(new JsonObject { ["name"] = "app", ["image"] = "busybox:1" }),
        });

    private static JsonObject ExistingService(string name, string taskDefinition, JsonArray? tags)
    {
        var request = new JsonObject
        {
            ["cluster"] = Cluster,
            ["serviceName"] = name,
            ["taskDefinition"] = taskDefinition,
            ["desiredCount"] = 2,
            ["launchType"] = "FARGATE",
            ["networkConfiguration"] = new JsonObject { ["awsvpcConfiguration"] = new JsonObject { ["subnets"] = new JsonArray("subnet-1") } },
            ["deploymentConfiguration"] = new JsonObject { ["deploymentCircuitBreaker"] = new JsonObject { ["enable"] = true, ["rollback"] = true } },
        };
        if (tags is not null)
            request["tags"] = tags;
        return request;
    }

    private static List<string> ListServices(OperatorEnvironment env, string cluster = Cluster) =>
        env.Ecs.Invoke("ListServices", new JsonObject { ["cluster"] = cluster })["serviceArns"]!.AsArray().Select(a => (string)a!).ToList();

    private static List<string> TaskDefinitionRevisions(OperatorEnvironment env, string status) =>
        env.Ecs.Invoke("ListTaskDefinitions", new JsonObject { ["familyPrefix"] = Family, ["status"] = status })["taskDefinitionArns"]!.AsArray()
            .Select(a => ((string)a!)[(((string)a!).LastIndexOf('/') + 1)..]).ToList();

    private static EcsTaskDefinition NewTaskDefinition(string name, string image, IReadOnlyList<string>? compatibilities = null) => new()
    {
        Metadata = new ObjectMeta { Name = name, Namespace = OperatorEnvironment.Namespace },
        Spec = new EcsTaskDefinitionSpec
        {
            RequiresCompatibilities = compatibilities ?? ["FARGATE"],
            NetworkMode = "awsvpc",
            Cpu = "256",
            Memory = "512",
            ContainerDefinitions = [new ContainerDefinition { Name = "web", Image = image, PortMappings = [new PortMapping { ContainerPort = 80 }] }],
        },
    };

    private static EcsService NewService(string name, string? taskDefinitionRef = "web", string? taskDefinition = null,
        DriftPolicy driftPolicy = DriftPolicy.Correct, DeletionPolicy deletionPolicy = DeletionPolicy.Delete, AdoptionPolicy adoptionPolicy = AdoptionPolicy.None) => new()
    {
        Metadata = new ObjectMeta { Name = name, Namespace = OperatorEnvironment.Namespace },
        Spec = new EcsServiceSpec
        {
            TaskDefinitionRef = taskDefinition is null && taskDefinitionRef is not null ? new LocalObjectReference { Name = taskDefinitionRef } : null,
            TaskDefinition = taskDefinition,
            DesiredCount = 2,
            LaunchType = "FARGATE",
            NetworkConfiguration = Subnets("subnet-1"),
            DeploymentConfiguration = new DeploymentConfiguration
            {
                DeploymentCircuitBreaker = new DeploymentCircuitBreaker { Enable = true, Rollback = true },
            },
            DriftPolicy = driftPolicy,
            DeletionPolicy = deletionPolicy,
            AdoptionPolicy = adoptionPolicy,
        },
    };

    private static NetworkConfiguration Subnets(params string[] subnets) =>
        new() { AwsvpcConfiguration = new AwsVpcConfiguration { Subnets = subnets } };

    private static async Task EditSpecAsync(OperatorEnvironment env, string name, Func<EcsServiceSpec, EcsServiceSpec> edit)
    {
        var current = await env.Services.GetAsync(OperatorEnvironment.Namespace, name, Ct);
        await env.Services.ReplaceAsync(current with { Spec = edit(current.Spec) }, Ct);
    }

    private static Task<EcsService> WaitForAsync(OperatorEnvironment env, string name, Func<EcsService, bool> condition) =>
        Waits.ForAsync(env.Services, name, condition, Describe);

    private static string Describe(EcsService o) => JsonSerializer.Serialize(o.Status, ApiJsonContext.Default.EcsServiceStatus);

    private static Condition? Condition(EcsService obj, string type) => obj.Status?.Conditions?.FirstOrDefault(c => c.Type == type);

    private static List<string?> EventReasonsSeen(OperatorEnvironment env) =>
        env.Kube.ListObjects("events.k8s.io", "events", OperatorEnvironment.Namespace).Select(e => (string?)e["reason"]).ToList();

    private static JsonObject Described(OperatorEnvironment env, string name, string cluster = Cluster) =>
        env.Ecs.Invoke("DescribeServices", new JsonObject
        {
            ["cluster"] = cluster,
            ["services"] = new JsonArray(name),
            ["include"] = new JsonArray("TAGS"),
        })["services"]![0]!.AsObject();

    private static string? Tag(JsonObject resource, string key) =>
        (string?)resource["tags"]?.AsArray().FirstOrDefault(t => (string?)t!["key"] == key)?["value"];
}
