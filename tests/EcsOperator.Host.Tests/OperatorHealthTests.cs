using EcsOperator.Api;
using EcsOperator.Hosting;
using EcsOperator.Kubernetes.Controller;
using EcsOperator.Kubernetes.Informer;
using EcsOperator.Kubernetes.Rest;
using EcsOperator.Observability;
using EcsOperator.Testing;
using EcsOperator.KubeApiServer;
using Xunit;

namespace EcsOperator.Host.Tests;

public sealed class OperatorHealthTests
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;

    [Fact]
    public void Live_until_a_reconcile_runs_longer_than_the_threshold()
    {
        var busy = new FakeController("ecsservice") { Age = TimeSpan.FromMinutes(2) };
        var idle = new FakeController("ecscluster");
        var health = new OperatorHealth([busy, idle], new SharedInformerFactory(new UnusedClient())) { StuckReconcileThreshold = TimeSpan.FromMinutes(5) };

        Assert.True(health.Liveness().Healthy);
        busy.Age = TimeSpan.FromMinutes(6);

        var status = health.Liveness();
        Assert.False(status.Healthy);
        Assert.Equal(["controller ecsservice: a reconcile has been running for 360 s (limit 300 s)"], status.Problems);
    }

    [Fact]
    public async Task Ready_only_once_every_informer_cache_has_synced()
    {
        await using var kube = await KubeApiTestServer.StartAsync(new KubeApiTestServerOptions { CrdFiles = Directory.GetFiles(RepoPaths.Crds, "*.yaml") }, Ct);
        using var client = new KubernetesClient(new k8s.KubernetesClientConfiguration { Host = kube.BaseAddress.ToString(), Namespace = "default" });
        var informers = new SharedInformerFactory(client);
        var health = new OperatorHealth([], informers);
        Assert.Equal(["no informer started yet"], health.Readiness().Problems);

        informers.For(OperatorResourceTypes.Clusters, ApiJsonContext.Default.EcsCluster);
        // The first list is held until the test has looked (a 300 ms delay assumed the look came sooner).
        using var firstList = kube.HoldRequests(r => r.Verb == "list", count: 1);
        Assert.Equal(["informer EcsCluster: cache not synced yet"], health.Readiness().Problems);

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var running = informers.RunAsync(stop.Token);
        Assert.False(health.Readiness().Healthy);
        firstList.Release();
        await informers.WaitForSyncAsync(Ct);
        Assert.True(health.Readiness().Healthy);
        await stop.CancelAsync();
        await running;
    }

    private sealed class FakeController(string name) : IController
    {
        public string Name => name;

        public TimeSpan? Age { get; set; }

        public TimeSpan? OldestReconcileAge => Age;

        public Task RunAsync(CancellationToken stopping, CancellationToken abort) => Task.CompletedTask;
    }

    private sealed class UnusedClient : IKubernetesClient
    {
        public string DefaultNamespace => "default";

        public IResourceClient<T> Resource<T>(EcsOperator.Kubernetes.Rest.ResourceType type, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> typeInfo)
            where T : class, Kubernetes.Model.IKubernetesObject => throw new NotSupportedException();
    }
}
