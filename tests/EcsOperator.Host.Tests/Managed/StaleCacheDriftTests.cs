using System.Collections.Concurrent;
using EcsOperator.Api;
using EcsOperator.Api.Clusters;
using EcsOperator.Api.Shared;
using EcsOperator.Aws.Principals;
using EcsOperator.Core.Conditions;
using EcsOperator.Core.Tenancy;
using EcsOperator.Hosting;
using EcsOperator.KubeApiServer;
using EcsOperator.Kubernetes.Config;
using EcsOperator.Kubernetes.Events;
using EcsOperator.Kubernetes.Model;
using EcsOperator.Kubernetes.Rest;
using EcsOperator.Reconcilers.Managed;
using EcsOperator.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace EcsOperator.Host.Tests.Managed;

/// <summary>
/// The informer cache can hand a reconcile the object as it was before the operator's own Ready write (the watch
/// event of that write not yet delivered): an outside change found then is still drift, not a silent update.
/// The reconciler is driven by hand here, with exactly that stale object, so the race is not left to timing.
/// </summary>
public sealed class StaleCacheDriftTests
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(DriftPolicy.Correct, 1)]
    [InlineData(DriftPolicy.Report, 0)]
    public async Task A_change_found_while_the_cache_still_lacks_the_Ready_status_just_written_is_drift(DriftPolicy policy, int updates)
    {
        await using var server = await StartServerAsync();
        var (objects, external, events, reconciler) = Harness(server);
        var key = new ObjectKey(SkeletonHarness.Namespace, "c");
        var created = SkeletonHarness.New("c");
        await objects.CreateAsync(created with { Spec = created.Spec with { DriftPolicy = policy } }, Ct);

        // The object as created: a cache that has seen neither the finalizer nor the status written below.
        var beforeReady = await objects.GetAsync(SkeletonHarness.Namespace, "c", Ct);
        await reconciler.ReconcileAsync(new(key, beforeReady), Ct); // adds the finalizer, creates, writes Ready for generation 1
        var ready = await objects.GetAsync(SkeletonHarness.Namespace, "c", Ct);
        Assert.True(Readiness.IsReadyForGeneration(ready.Metadata, ready.Status));
        Assert.Equal(1, external.Creates);

        // Someone changes the resource in AWS; the next reconcile still reads the object without its Ready status.
        external.Differences = ["settings"];
        await reconciler.ReconcileAsync(new(key, beforeReady), Ct);

        Assert.Contains(events.Reasons, r => r == EventReasons.DriftDetected);
        Assert.Equal(updates, external.Updates);
        var drifted = ConditionSet.Find((await objects.GetAsync(SkeletonHarness.Namespace, "c", Ct))!.Status!.Conditions, ConditionTypes.Drifted);
        Assert.Equal(ConditionStatus.True, drifted?.Status);
        Assert.Contains("settings", drifted!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_recreated_object_of_the_same_name_is_not_taken_for_the_one_written_Ready_before()
    {
        await using var server = await StartServerAsync();
        var (objects, external, events, reconciler) = Harness(server);
        var key = new ObjectKey(SkeletonHarness.Namespace, "c");
        await objects.CreateAsync(SkeletonHarness.New("c"), Ct);
        await reconciler.ReconcileAsync(new(key, await objects.GetAsync(SkeletonHarness.Namespace, "c", Ct)), Ct);
        await reconciler.ReconcileAsync(new(key, await objects.GetAsync(SkeletonHarness.Namespace, "c", Ct)), Ct); // Ready for generation 1

        // Gone (the reconciler hears of it), then created again: generation 1 again, but another object.
        await objects.DeleteAsync(SkeletonHarness.Namespace, "c", cancellationToken: Ct);
        await reconciler.ReconcileAsync(new(key, await objects.GetAsync(SkeletonHarness.Namespace, "c", Ct)), Ct); // deletes, drops the finalizer
        Assert.Null(await objects.TryGetAsync(SkeletonHarness.Namespace, "c", Ct));
        await reconciler.ReconcileAsync(new(key, null), Ct);
        await objects.CreateAsync(SkeletonHarness.New("c"), Ct);

        // Its first reconcile (finalizer, then observe) finds a resource that differs before it was ever Ready:
        // applying the spec, not drift.
        external.Exists = true;
        external.Differences = ["settings"];
        await reconciler.ReconcileAsync(new(key, await objects.GetAsync(SkeletonHarness.Namespace, "c", Ct)), Ct);
        Assert.DoesNotContain(events.Reasons, r => r == EventReasons.DriftDetected);
        Assert.Equal(1, external.Updates);
    }

    private sealed class RecordedEvents : IEventRecorder
    {
        private readonly ConcurrentQueue<string> _reasons = new();

        public IReadOnlyList<string> Reasons => [.. _reasons];

        public Task RecordAsync(IKubernetesObject regarding, string type, string reason, string action, string note, CancellationToken cancellationToken = default)
        {
            _reasons.Enqueue(reason);
            return Task.CompletedTask;
        }
    }

    private sealed class NoAws : IAwsClientsForNamespace
    {
        public AwsClients For(string @namespace) => new(null!, null!);
    }

    private static Task<KubeApiTestServer> StartServerAsync() =>
        KubeApiTestServer.StartAsync(new KubeApiTestServerOptions { CrdFiles = Directory.GetFiles(RepoPaths.Crds, "*.yaml") }, Ct);

    /// <summary>A reconciler over a fake external client, driven by hand against <paramref name="server"/>.</summary>
    private static (IResourceClient<EcsCluster> Objects, FakeExternalClient External, RecordedEvents Events, ManagedReconciler<EcsCluster, EcsClusterStatus, object> Reconciler) Harness(KubeApiTestServer server)
    {
        var client = new KubernetesClient(new k8s.KubernetesClientConfiguration { Host = server.BaseAddress.ToString(), Namespace = SkeletonHarness.Namespace },
            new KubernetesClientOptions { Qps = 1000, Burst = 1000 });
        var external = new FakeExternalClient();
        var events = new RecordedEvents();
        var reconciler = new ManagedReconciler<EcsCluster, EcsClusterStatus, object>(
            external, client, new NoAws(), new OpenTenancy(), events, new KubernetesClusterId(client, "test-cluster"),
            new RequeuePolicy(new OperatorOptions()), new FakeTimeProvider(), NullLogger.Instance);
        return (client.Resource(OperatorResourceTypes.Clusters, ApiJsonContext.Default.EcsCluster), external, events, reconciler);
    }

    private sealed class OpenTenancy : INamespaceTenancySource
    {
        public NamespaceTenancy For(string @namespace) => new() { Namespace = @namespace, MayUseOperatorPrincipal = true };
    }

    [Fact]
    public async Task A_reconcile_reading_a_cache_without_the_status_just_written_acts_on_what_was_written()
    {
        await using var server = await StartServerAsync();
        var (objects, external, _, reconciler) = Harness(server);
        var key = new ObjectKey(SkeletonHarness.Namespace, "c");
        await objects.CreateAsync(SkeletonHarness.New("c"), Ct);
        var beforeReady = await objects.GetAsync(SkeletonHarness.Namespace, "c", Ct);
        await reconciler.ReconcileAsync(new(key, beforeReady), Ct); // adds the finalizer, creates, writes Ready

        await reconciler.ReconcileAsync(new(key, beforeReady), Ct); // the cache has seen neither write yet
        Assert.True(ConditionSet.IsTrue(external.LastObserved?.Status?.Conditions, ConditionTypes.Ready), "observed with the status the cache replaced");

        // Once the cache shows any newer version (here a spec edit), it is the cache that counts again.
        var stored = await objects.GetAsync(SkeletonHarness.Namespace, "c", Ct);
        var edited = await objects.ReplaceAsync(stored with { Spec = stored.Spec with { DriftPolicy = DriftPolicy.Report } }, Ct);
        await reconciler.ReconcileAsync(new(key, edited), Ct);
        Assert.Equal(2, external.LastObserved?.Metadata.Generation);
        Assert.Equal(DriftPolicy.Report, external.LastObserved?.Spec.DriftPolicy);
    }
}
