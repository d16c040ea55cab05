using EcsOperator.Api;
using EcsOperator.Api.Clusters;
using EcsOperator.Api.Services;
using EcsOperator.Api.Shared;
using EcsOperator.Api.TaskDefinitions;
using EcsOperator.Api.Tasks;
using EcsOperator.Aws.Model.Ecs;
using EcsOperator.Core.Conditions;
using EcsOperator.Kubernetes.Model;
using EcsOperator.Reconcilers.Services;
using Microsoft.Extensions.DependencyInjection;
using Xunit;
using static EcsOperator.EndToEnd.Tests.ServiceScenario;
using static EcsOperator.EndToEnd.Tests.Waits;

namespace EcsOperator.EndToEnd.Tests;

/// <summary>
/// The quiet event flow, measured on the Kubernetes API test server: once every object is Ready (or its run
/// finished), several resync intervals cost no write to our kinds and no reconcile beyond the resync itself.
/// </summary>
public sealed class SteadyStateTests
{
    private const int N = 3;
    private static readonly TimeSpan Resync = TimeSpan.FromSeconds(1);

    [Fact]
    public async Task N_Ready_objects_of_each_kind_make_no_writes_and_only_resync_reconciles_over_several_intervals()
    {
        await using var env = await StartAsync(o => o.ResyncInterval = Resync);
        await env.TaskDefinitions.CreateAsync(NewTaskDefinition("web", "nginx:1.27"), Ct);
        await env.TaskDefinitions.CreateAsync(new EcsTaskDefinition
        {
            Metadata = new ObjectMeta { Name = "job", Namespace = OperatorEnvironment.Namespace },
            Spec = new EcsTaskDefinitionSpec
            {
                RequiresCompatibilities = ["EC2"],
                ContainerDefinitions = [new ContainerDefinition { Name = "app", Image = "busybox:1", Memory = 256 }],
            },
        }, Ct);
        for (var i = 0; i < N; i++)
        {
            await env.TaskDefinitions.CreateAsync(NewTaskDefinition($"td-{i}", "nginx:1.27"), Ct);
            await env.Clusters.CreateAsync(new EcsCluster
            {
                Metadata = new ObjectMeta { Name = $"cl-{i}", Namespace = OperatorEnvironment.Namespace },
                Spec = new EcsClusterSpec(),
            }, Ct);
            await env.Services.CreateAsync(NewService($"svc-{i}") with { Spec = NewService($"svc-{i}").Spec with { DesiredCount = 1 } }, Ct);
            await env.Tasks.CreateAsync(new EcsTask
            {
                Metadata = new ObjectMeta { Name = $"run-{i}", Namespace = OperatorEnvironment.Namespace },
                Spec = new EcsTaskSpec { Cluster = DefaultCluster, TaskDefinitionRef = new LocalObjectReference { Name = "job" }, LaunchType = "EC2" },
            }, Ct);
        }

        for (var i = 0; i < N; i++)
            await TickUntilReadyAsync(env, $"svc-{i}");
        await Eventually(async () => (await env.Tasks.ListAsync(OperatorEnvironment.Namespace, cancellationToken: Ct)).Items.All(t => t.Status?.TaskArns is { Count: 1 }), "every run started");
        await env.Ecs.AdvanceAsync(TimeSpan.FromMinutes(3), Ct);
        await Eventually(async () => (await env.TaskDefinitions.ListAsync(OperatorEnvironment.Namespace, cancellationToken: Ct)).Items.All(o => ReadyNow(o.Metadata, o.Status))
            && (await env.Clusters.ListAsync(OperatorEnvironment.Namespace, cancellationToken: Ct)).Items.All(o => ReadyNow(o.Metadata, o.Status))
            && (await env.Services.ListAsync(OperatorEnvironment.Namespace, cancellationToken: Ct)).Items.All(o => ReadyNow(o.Metadata, o.Status))
            && (await env.Tasks.ListAsync(OperatorEnvironment.Namespace, cancellationToken: Ct)).Items.All(o => o.Status?.Phase == TaskPhase.Succeeded && ReadyNow(o.Metadata, o.Status)),
            "every object Ready");
        await Task.Delay(Resync * 2, Ct); // the last writes of getting there settle

        var kinds = new[] { EcsTaskDefinition.KindName, EcsCluster.KindName, EcsService.KindName, EcsTask.KindName };
        var sweep = env.OperatorServices.GetRequiredService<BatchedServiceResync>();
        var sweepsBefore = sweep.Sweeps;
        var before = kinds.ToDictionary(k => k, env.ReconcileCountOf);
        env.Kube.ResetRequestLog();
        env.Ecs.Calls.Reset();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await Task.Delay(Resync * 4, Ct);
        // A loaded machine may resync less within those four intervals: the resyncs asserted below are waited for, and
        // the upper bound counts the time that took (a probe with slow DescribeServices saw too few in the fixed window).
        await Eventually(() => env.ReconcileCountOf(EcsTaskDefinition.KindName) - before[EcsTaskDefinition.KindName] >= N + 2
            && env.ReconcileCountOf(EcsCluster.KindName) - before[EcsCluster.KindName] >= N
            && env.ReconcileCountOf(EcsService.KindName) - before[EcsService.KindName] >= N
            && sweep.Sweeps - sweepsBefore >= 2, "a resync of every level-kept object and two sweeps");
        var sweeps = sweep.Sweeps - sweepsBefore;
        var during = kinds.ToDictionary(k => k, k => env.ReconcileCountOf(k) - before[k]);
        var window = clock.Elapsed;

        var writes = env.Kube.Requests.Where(r => r.Group == ApiGroup.Group && r.Method is not ("GET" or "HEAD")).ToList();
        Assert.True(writes.Count == 0, $"writes to our kinds in steady state: {string.Join(", ", writes.Select(w => $"{w.Method} {w.Path}"))}");
        Assert.Equal(0, MutatingCalls.Sum(c => env.Ecs.Calls[c]));
        // Each object is looked at once per (jittered, >= 1 interval) resync, never more: no status write wakes it.
        var perObject = (int)(window / Resync) + 1;
        var objects = new Dictionary<string, int>
        {
            [EcsTaskDefinition.KindName] = N + 2, [EcsCluster.KindName] = N, [EcsService.KindName] = N, [EcsTask.KindName] = N,
        };
        foreach (var kind in kinds)
        {
            var reconciles = during[kind];
            Assert.True(reconciles <= objects[kind] * perObject, $"{kind}: {reconciles} reconciles in {window} for {objects[kind]} objects");
        }

        // The level-kept kinds were resynced; a finished run is only kept, and never looked at again.
        Assert.True(during[EcsTaskDefinition.KindName] >= N + 2, "task definitions resynced");
        Assert.True(during[EcsCluster.KindName] >= N, "clusters resynced");
        Assert.True(during[EcsService.KindName] >= N, "services resynced");
        Assert.Equal(0, during[EcsTask.KindName]);

        // Services have no timer of their own: each reconcile is one a sweep asked for (one per service per sweep; the
        // reconciles of a sweep just before the window, or of one still running at its end, may fall either side).
        Assert.True(sweeps >= 2, $"{sweeps} sweeps in {window}");
        Assert.InRange(during[EcsService.KindName], (sweeps - 1) * N, (sweeps + 1) * N);
    }

    private static bool ReadyNow(ObjectMeta metadata, IEcsStatus? status) =>
        status is not null && status.ObservedGeneration == metadata.Generation
        && ConditionSet.Find(status.Conditions, ConditionTypes.Ready) is { Status: ConditionStatus.True } ready && ready.ObservedGeneration == metadata.Generation;
}
