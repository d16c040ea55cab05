using System.Text.Json.Nodes;
using EcsOperator.Api;
using EcsOperator.Api.Services;
using EcsOperator.Api.Shared;
using EcsOperator.Simulator.Controls;
using Xunit;
using static EcsOperator.EndToEnd.Tests.ServiceScenario;
using static EcsOperator.EndToEnd.Tests.Waits;

namespace EcsOperator.EndToEnd.Tests;

/// <summary>The EcsService controller against the test API server and the ECS simulator: creating, rolling out new revisions, failed rollouts, invalid specs and AWS errors.</summary>
public sealed class ServiceRolloutTests
{
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
            ["cluster"] = DefaultCluster,
            ["serviceName"] = "other",
            ["taskDefinition"] = $"{Family}:1",
            ["clientToken"] = created.Metadata.Uid,
        }));
        Assert.Contains("not idempotent", reused.Message, StringComparison.Ordinal);
        Assert.EndsWith($"/{OperatorEnvironment.Namespace}/web", Tag(live, ApiGroup.OwnerTagKey), StringComparison.Ordinal);
        var status = ready.Status!;
        Assert.Equal((string?)live["serviceArn"], status.ServiceArn);
        Assert.Equal(DefaultCluster, status.ClusterName);
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

        // A spec edit is a new generation: it tries revision 2 again (and fails again).
        await EditSpecAsync(env, "web", s => s with { EnableExecuteCommand = true });
        await Eventually(() => env.Ecs.Calls["ecs:UpdateService"] == 2, "revision 2 pushed again for the new generation");
        await TickUntilAsync(env, "web", o => Condition(o, ConditionTypes.Stalled) is { Reason: ConditionReasons.RolloutFailed } s && s.ObservedGeneration == o.Metadata.Generation);
        await TickAndSettleAsync(env, 4);
        Assert.Equal(2, env.Ecs.Calls["ecs:UpdateService"]);

        // A fixed image is a new revision: it rolls out.
        env.Ecs.Rules.ClearImageFailures();
        var updates = env.Ecs.Calls["ecs:UpdateService"];
        await EditTaskDefinitionImageAsync(env, "web", "nginx:1.29");
        var fixedUp = await TickUntilAsync(env, "web", o => IsReady(o) && o.Status!.TaskDefinitionArn!.EndsWith($"{Family}:3", StringComparison.Ordinal));
        Assert.Equal(updates + 1, env.Ecs.Calls["ecs:UpdateService"]);
        Assert.Null(Condition(fixedUp, ConditionTypes.Stalled));
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
    public async Task A_missing_ECS_cluster_is_Stalled_DependencyNotFound_naming_it_without_a_hot_loop()
    {
        await using var env = await StartAsync();
        await env.TaskDefinitions.CreateAsync(NewTaskDefinition("web", "nginx:1.27"), Ct);
        var service = NewService("web");
        await env.Services.CreateAsync(service with { Spec = service.Spec with { Cluster = "nowhere" } }, Ct);

        var stalled = await WaitForAsync(env, "web", o => Condition(o, ConditionTypes.Stalled) is { Status: "True" });
        Assert.Equal(ConditionReasons.DependencyNotFound, Condition(stalled, ConditionTypes.Stalled)!.Reason);
        Assert.Contains("nowhere", Condition(stalled, ConditionTypes.Stalled)!.Message, StringComparison.Ordinal);
        var calls = env.Ecs.Calls["ecs:DescribeServices"];
        var creates = env.Ecs.Calls["ecs:CreateService"];
        await Task.Delay(500, Ct);
        Assert.Equal(calls, env.Ecs.Calls["ecs:DescribeServices"]);
        Assert.Equal(creates, env.Ecs.Calls["ecs:CreateService"]);
        // The one CreateService sent without a describe (status records no service), refused by ECS
        // (ClusterNotFoundException); the read that followed named the cluster.
        Assert.Equal(1, creates);
        Assert.Empty(ListServices(env));
    }
}
