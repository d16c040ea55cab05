using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using EcsOperator.Api;
using EcsOperator.Api.Clusters;
using EcsOperator.Api.Services;
using EcsOperator.Api.TaskDefinitions;
using EcsOperator.Api.Tasks;
using EcsOperator.Aws;
using EcsOperator.Hosting;
using EcsOperator.Kubernetes.Config;
using EcsOperator.Kubernetes.Rest;
using EcsOperator.Simulator;
using EcsOperator.Testing;
using EcsOperator.KubeApiServer;
using EcsOperator.Reconcilers.Services;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace EcsOperator.EndToEnd.Tests;

/// <summary>
/// One test's world: a Kubernetes API test server with our CRDs, an ECS simulator (or an external AWS endpoint such
/// as moto_server), a client for the test's own calls, and the real operator host (started and restarted on demand)
/// pointed at both.
/// </summary>
internal sealed class OperatorEnvironment : IAsyncDisposable
{
    public const string Namespace = "shop";

    // The reconcile counter is process-wide and test classes run in parallel: a measurement belongs to this
    // environment when it is recorded in the execution context of a host this environment started.
    private static readonly AsyncLocal<OperatorEnvironment?> StartedBy = new();

    private readonly MeterListener _reconciles = new();
    private readonly ConcurrentDictionary<string, long> _reconcileCounts = new(StringComparer.Ordinal);
    private readonly EcsSimulator? _ecs;
    private IHost? _host;

    private OperatorEnvironment(KubeApiTestServer kube, EcsSimulator? ecs, Uri awsEndpoint)
    {
        Kube = kube;
        _ecs = ecs;
        AwsEndpoint = awsEndpoint;
        var client = new KubernetesClient(Configuration, new KubernetesClientOptions { Qps = 1000, Burst = 1000 });
        TaskDefinitions = client.Resource(OperatorResourceTypes.TaskDefinitions, ApiJsonContext.Default.EcsTaskDefinition);
        Clusters = client.Resource(OperatorResourceTypes.Clusters, ApiJsonContext.Default.EcsCluster);
        Services = client.Resource(OperatorResourceTypes.Services, ApiJsonContext.Default.EcsService);
        Tasks = client.Resource(OperatorResourceTypes.Tasks, ApiJsonContext.Default.EcsTask);

        // Reconciles are counted through the runtime's own metric, so a hot loop shows up even when it writes nothing.
        _reconciles.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == "EcsOperator.Kubernetes" && instrument.Name == "k8s.controller.reconciles")
                listener.EnableMeasurementEvents(instrument);
        };
        _reconciles.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            if (StartedBy.Value != this)
                return;
            foreach (var tag in tags)
            {
                if (tag is { Key: "kind", Value: string kind })
                    _reconcileCounts.AddOrUpdate(kind, value, (_, count) => count + value);
            }
        });
        _reconciles.Start();
    }

    public KubeApiTestServer Kube { get; }

    /// <summary>The ECS simulator; only in environments started without an external AWS endpoint.</summary>
    public EcsSimulator Ecs => _ecs ?? throw new InvalidOperationException($"this environment runs against {AwsEndpoint}, not the ECS simulator");

    /// <summary>Where the operator sends its ECS and Application Auto Scaling calls.</summary>
    public Uri AwsEndpoint { get; }

    public IResourceClient<EcsTaskDefinition> TaskDefinitions { get; }

    public IResourceClient<EcsCluster> Clusters { get; }

    public IResourceClient<EcsService> Services { get; }

    public IResourceClient<EcsTask> Tasks { get; }

    /// <summary>EcsTaskDefinition reconciles finished since start (any host instance this environment started).</summary>
    public long ReconcileCount => ReconcileCountOf(EcsTaskDefinition.KindName);

    /// <summary>EcsCluster reconciles finished since start (any host instance this environment started).</summary>
    public long ClusterReconcileCount => ReconcileCountOf(EcsCluster.KindName);

    /// <summary>Reconciles of <paramref name="kind"/> finished since start (any host instance this environment started).</summary>
    public long ReconcileCountOf(string kind) => _reconcileCounts.TryGetValue(kind, out var count) ? count : 0;

    private k8s.KubernetesClientConfiguration Configuration => new() { Host = Kube.BaseAddress.ToString(), Namespace = "ecs-operator" };

    public static async Task<OperatorEnvironment> StartAsync(CancellationToken cancellationToken)
    {
        var crds = Directory.GetFiles(RepoPaths.Crds, "*.yaml");
        var kube = await KubeApiTestServer.StartAsync(new KubeApiTestServerOptions { CrdFiles = crds }, cancellationToken);
        var ecs = await EcsSimulator.StartAsync(cancellationToken: cancellationToken);
        return new OperatorEnvironment(kube, ecs, ecs.BaseAddress);
    }

    /// <summary>An environment whose ECS simulator runs with <paramref name="simulator"/> (e.g. ticking on real time by itself).</summary>
    public static async Task<OperatorEnvironment> StartAsync(EcsSimulatorOptions simulator, CancellationToken cancellationToken)
    {
        var crds = Directory.GetFiles(RepoPaths.Crds, "*.yaml");
        var kube = await KubeApiTestServer.StartAsync(new KubeApiTestServerOptions { CrdFiles = crds }, cancellationToken);
        var ecs = await EcsSimulator.StartAsync(simulator, cancellationToken);
        return new OperatorEnvironment(kube, ecs, ecs.BaseAddress);
    }

    /// <summary>An environment whose operator talks to <paramref name="awsEndpoint"/> (e.g. moto_server) instead of the simulator.</summary>
    public static async Task<OperatorEnvironment> StartAsync(Uri awsEndpoint, CancellationToken cancellationToken)
    {
        var crds = Directory.GetFiles(RepoPaths.Crds, "*.yaml");
        var kube = await KubeApiTestServer.StartAsync(new KubeApiTestServerOptions { CrdFiles = crds }, cancellationToken);
        return new OperatorEnvironment(kube, null, awsEndpoint);
    }

    /// <summary>
    /// Starts a fresh operator host (a new process, as far as the operator can tell); <paramref name="tenancy"/> runs
    /// it with tenancy (<c>--tenancy</c>), as the CLI does; <paramref name="services"/> edits the host's registrations last.
    /// </summary>
    public async Task StartOperatorAsync(CancellationToken cancellationToken, Action<OperatorOptions>? configure = null, Action<AwsClientOptions>? aws = null,
        Action<TenancyOptions>? tenancy = null, Action<IServiceCollection>? services = null)
    {
        if (_host is not null)
            throw new InvalidOperationException("the operator is already running");
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddEcsOperator(
            o =>
            {
                o.Namespaces = [Namespace];
                o.LeaderElection = false;
                o.UsageClusters = ["default"];
                configure?.Invoke(o);
            },
            k =>
            {
                k.Configuration = Configuration;
                k.Qps = 1000;
                k.Burst = 1000;
            },
            a =>
            {
                a.Region = "us-east-1";
                a.AccessKeyId = "AKIDEXAMPLE";
                a.SecretAccessKey = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
                a.EcsEndpoint = AwsEndpoint;
                a.ApplicationAutoScalingEndpoint = AwsEndpoint;
                aws?.Invoke(a);
            });
        // The real Application Auto Scaling sync (a TryAdd: a no-op once AddEcsOperator registers it itself).
        builder.Services.AddServiceAutoScaling();
        if (tenancy is not null)
            builder.Services.AddEcsOperatorTenancy(tenancy);
        services?.Invoke(builder.Services);
        _host = builder.Build();
        // Everything the host starts (controller workers, their timers) inherits this marker.
        StartedBy.Value = this;
        await _host.StartAsync(cancellationToken);
    }

    /// <summary>The running host's services (e.g. the resync sweep), for assertions on its internals.</summary>
    public IServiceProvider OperatorServices => _host?.Services ?? throw new InvalidOperationException("the operator is not running");

    public async Task StopOperatorAsync(CancellationToken cancellationToken)
    {
        if (_host is null)
            return;
        await _host.StopAsync(cancellationToken);
        _host.Dispose();
        _host = null;
    }

    public async ValueTask DisposeAsync()
    {
        await StopOperatorAsync(CancellationToken.None);
        _reconciles.Dispose();
        if (_ecs is not null)
            await _ecs.DisposeAsync();
        await Kube.DisposeAsync();
    }
}
