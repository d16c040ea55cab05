using EcsOperator.Api;
using EcsOperator.Api.Clusters;
using EcsOperator.Aws.Principals;
using EcsOperator.Core.Tenancy;
using EcsOperator.Hosting;
using EcsOperator.Kubernetes.Config;
using EcsOperator.Kubernetes.Controller;
using EcsOperator.Kubernetes.Events;
using EcsOperator.Kubernetes.Informer;
using EcsOperator.Kubernetes.Model;
using EcsOperator.Kubernetes.Queue;
using EcsOperator.Kubernetes.Rest;
using EcsOperator.Reconcilers.Managed;
using EcsOperator.Testing;
using EcsOperator.KubeApiServer;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace EcsOperator.Host.Tests.Managed;

/// <summary>
/// The skeleton as the operator runs it — informer, controller, <see cref="ManagedReconciler{T,TStatus,TLive}"/> — on
/// the Kubernetes API test server with our CRDs, around a <see cref="FakeExternalClient"/>. The watch runs on real
/// time; the controller's queue (requeue-after, backoff) and the conditions run on a <see cref="FakeTimeProvider"/>,
/// so a resync happens exactly when a test advances the clock past it.
/// </summary>
internal sealed class SkeletonHarness : IAsyncDisposable
{
    public const string Namespace = "shop";
    public static readonly TimeSpan Resync = TimeSpan.FromMinutes(5);
    public static readonly TimeSpan Backoff = TimeSpan.FromSeconds(10);

    private readonly CancellationTokenSource _stop = new();
    private readonly Task _informer;
    private readonly Task _controller;
    private int _reconciles;

    private SkeletonHarness(KubeApiTestServer server)
    {
        Server = server;
        var client = new KubernetesClient(new k8s.KubernetesClientConfiguration { Host = server.BaseAddress.ToString(), Namespace = Namespace },
            new KubernetesClientOptions { Qps = 1000, Burst = 1000 });
        Objects = client.Resource(OperatorResourceTypes.Clusters, ApiJsonContext.Default.EcsCluster);
        var informer = new Informer<EcsCluster>(Objects, new InformerOptions { Namespaces = [Namespace] });
        var reconciler = new ManagedReconciler<EcsCluster, EcsClusterStatus, object>(
            External, client, new NoAws(), new OpenTenancy(), new NoEvents(), new KubernetesClusterId(client, "test-cluster"),
            new RequeuePolicy(new OperatorOptions { ResyncInterval = Resync }), Clock, NullLogger.Instance, informer.Cache);
        Controller = new Controller<EcsCluster>("skeleton", informer, new Counting(this, reconciler),
            new ControllerOptions { Workers = 1, Queue = new WorkQueueOptions { BaseDelay = Backoff, MaxDelay = Backoff * 8 } }, Clock);
        _informer = informer.RunAsync(_stop.Token);
        _controller = Controller.RunAsync(_stop.Token);
    }

    public KubeApiTestServer Server { get; }

    public IResourceClient<EcsCluster> Objects { get; }

    public FakeExternalClient External { get; } = new();

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));

    public Controller<EcsCluster> Controller { get; }

    public int Reconciles => Volatile.Read(ref _reconciles);

    /// <summary>PUTs to /status of our objects since start.</summary>
    public int StatusWrites => Server.Requests.Count(r => r.Subresource == "status" && r.Method is "PUT" or "PATCH");

    public static async Task<SkeletonHarness> StartAsync()
    {
        var crds = Directory.GetFiles(RepoPaths.Crds, "*.yaml");
        var server = await KubeApiTestServer.StartAsync(new KubeApiTestServerOptions { CrdFiles = crds }, TestContext.Current.CancellationToken);
        return new SkeletonHarness(server);
    }

    public static EcsCluster New(string name, string? clusterName = null) => new()
    {
        Metadata = new ObjectMeta { Name = name, Namespace = Namespace },
        Spec = new EcsClusterSpec { ClusterName = clusterName ?? name },
    };

    public EcsCluster? Get(string name) => Controller.Informer.Cache.Get(new ObjectKey(Namespace, name));

    /// <summary>Waits until the queue is idle (nothing queued or running) and stays so for a moment of real time.</summary>
    public async Task SettleAsync()
    {
        for (var quiet = 0; quiet < 8;)
        {
            await Task.Delay(25, TestContext.Current.CancellationToken);
            quiet = Controller.Queue.Count == 0 && Controller.Queue.InFlightCount == 0 ? quiet + 1 : 0;
        }
    }

    /// <summary>Moves the controller's clock and lets whatever that woke run.</summary>
    public async Task AdvanceAsync(TimeSpan by)
    {
        Clock.Advance(by);
        await SettleAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _controller;
        await _informer;
        _stop.Dispose();
        await Server.DisposeAsync();
    }

    private sealed class Counting(SkeletonHarness harness, IReconciler<EcsCluster> inner) : IReconciler<EcsCluster>
    {
        public Task<ReconcileResult> ReconcileAsync(ReconcileRequest<EcsCluster> request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref harness._reconciles);
            return inner.ReconcileAsync(request, cancellationToken);
        }
    }

    private sealed class NoAws : IAwsClientsForNamespace
    {
        public AwsClients For(string @namespace) => new(null!, null!);
    }

    /// <summary>No tenancy policy: every namespace open.</summary>
    private sealed class OpenTenancy : INamespaceTenancySource
    {
        public NamespaceTenancy For(string @namespace) => new() { Namespace = @namespace, MayUseOperatorPrincipal = true };
    }

    private sealed class NoEvents : IEventRecorder
    {
        public Task RecordAsync(IKubernetesObject regarding, string type, string reason, string action, string note, CancellationToken cancellationToken = default) =>
            Task.CompletedTask;
    }
}
