using System.Text.Json.Nodes;
using EcsOperator.Api;
using EcsOperator.Api.Services;
using EcsOperator.Api.Shared;
using EcsOperator.Reconcilers.Services;
using Microsoft.Extensions.DependencyInjection;
using Xunit;
using static EcsOperator.EndToEnd.Tests.ServiceScenario;
using static EcsOperator.EndToEnd.Tests.Waits;

namespace EcsOperator.EndToEnd.Tests;

/// <summary>The EcsService controller against the test API server and the ECS simulator: deletion, Retain, the batched resync and task-definition usage.</summary>
public sealed class ServiceLifecycleTests
{
    [Fact]
    public async Task Deletion_scales_to_zero_deletes_waits_for_INACTIVE_with_Deleting_and_then_lets_the_object_go()
    {
        await using var env = await StartAsync();
        await env.TaskDefinitions.CreateAsync(NewTaskDefinition("web", "nginx:1.27"), Ct);
        await env.Services.CreateAsync(NewService("web"), Ct);
        await TickUntilReadyAsync(env, "web");
        env.Ecs.Calls.Reset();

        // When DeleteService arrives the service must already be scaled to 0: what ECS has is read as the call comes
        // in, before it is handled (reading it during a 500 ms latency assumed the test got there in time).
        var whenDeleteArrived = new TaskCompletionSource<JsonObject>(TaskCreationOptions.RunContinuationsAsynchronously);
        env.Ecs.Calls.Observer = (call, _) =>
        {
            if (call == "ecs:DeleteService")
                whenDeleteArrived.TrySetResult(Described(env, "web"));
        };
        await env.Services.DeleteAsync(OperatorEnvironment.Namespace, "web", cancellationToken: Ct);
        var inFlight = await whenDeleteArrived.Task.WaitAsync(TimeSpan.FromSeconds(30), Ct);
        env.Ecs.Calls.Observer = null;
        Assert.Equal("ACTIVE", (string?)inFlight["status"]);
        Assert.Equal(0, (int?)inFlight["desiredCount"]);

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
    public async Task Steady_state_resync_of_25_services_costs_3_DescribeServices_per_sweep_and_nothing_else()
    {
        await using var env = await StartAsync(o => o.ResyncInterval = TimeSpan.FromSeconds(1));
        await env.TaskDefinitions.CreateAsync(NewTaskDefinition("web", "nginx:1.27"), Ct);
        var names = Enumerable.Range(1, 25).Select(i => $"web-{i:00}").ToList();
        foreach (var name in names)
            await env.Services.CreateAsync(NewService(name) with { Spec = NewService(name).Spec with { DesiredCount = 1 } }, Ct);
        foreach (var name in names)
            await TickUntilReadyAsync(env, name);

        var sweep = env.OperatorServices.GetRequiredService<BatchedServiceResync>();
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
    public async Task Creating_a_service_sends_CreateService_without_describing_it_first()
    {
        // No rollout recheck in this test's time: every DescribeServices would be the one before CreateService.
        await using var env = await StartAsync(o => o.RolloutRecheckInterval = TimeSpan.FromHours(1));
        await env.TaskDefinitions.CreateAsync(NewTaskDefinition("web", "nginx:1.27"), Ct);
        await WaitForAsyncTd(env, "web");
        env.Ecs.Calls.Reset();

        await env.Services.CreateAsync(NewService("web"), Ct);
        var created = await WaitForAsync(env, "web", o => o.Status?.ServiceArn is not null);

        Assert.Equal(1, env.Ecs.Calls["ecs:CreateService"]);
        Assert.Equal(0, env.Ecs.Calls["ecs:DescribeServices"]);
        Assert.Equal((string?)Described(env, "web")["serviceArn"], created.Status!.ServiceArn);
    }

    [Fact]
    public async Task A_service_whose_status_was_lost_is_found_through_the_refused_CreateService_and_updated_not_created_twice()
    {
        await using var env = await StartAsync();
        await env.TaskDefinitions.CreateAsync(NewTaskDefinition("web", "nginx:1.27"), Ct);
        await env.Services.CreateAsync(NewService("web"), Ct);
        var before = await TickUntilReadyAsync(env, "web");
        await env.StopOperatorAsync(Ct);

        // Killed before its status write, a lost write or a restored API server store: status records no service, and
        // the spec moved on meanwhile, so the same clientToken comes with a different request and ECS refuses it.
        var current = await env.Services.GetAsync(OperatorEnvironment.Namespace, "web", Ct);
        await env.Services.ReplaceStatusAsync(current with { Status = new EcsServiceStatus() }, Ct);
        await EditSpecAsync(env, "web", s => s with { DesiredCount = 3 });
        env.Ecs.Calls.Reset();
        await env.StartOperatorAsync(Ct, Fast);
        var after = await TickUntilAsync(env, "web", o => IsReady(o) && o.Status!.DesiredCount == 3);

        Assert.Equal(before.Status!.ServiceArn, after.Status!.ServiceArn);
        Assert.Single(ListServices(env));
        Assert.Equal(1, env.Ecs.Calls["ecs:CreateService"]); // refused: "Creation of service was not idempotent."
        Assert.Equal(1, env.Ecs.Calls["ecs:UpdateService"]);
        Assert.Equal(3, (int?)Described(env, "web")["desiredCount"]);
    }

    [Fact]
    public async Task Rollout_rechecks_of_20_new_services_are_described_up_to_ten_at_a_time()
    {
        await using var env = await StartAsync(o => o.RolloutRecheckInterval = TimeSpan.FromSeconds(1));
        await env.TaskDefinitions.CreateAsync(NewTaskDefinition("web", "nginx:1.27"), Ct);
        await WaitForAsyncTd(env, "web");
        var names = Enumerable.Range(1, 20).Select(i => $"web-{i:00}").ToList();
        env.Ecs.Calls.Reset();
        foreach (var name in names)
            await env.Services.CreateAsync(NewService(name) with { Spec = NewService(name).Spec with { DesiredCount = 1 } }, Ct);
        foreach (var name in names)
            await TickUntilReadyAsync(env, name);

        // Each new service needs at least one look after CreateService to see its rollout complete: one
        // DescribeServices each without batching; batched, a round of rechecks costs ceil(due / 10).
        var described = env.Ecs.Calls["ecs:DescribeServices"];
        Assert.True(described < names.Count, $"{described} DescribeServices for the rollout rechecks of {names.Count} services");
        Assert.Equal(names.Count, env.Ecs.Calls["ecs:CreateService"]);
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
}
