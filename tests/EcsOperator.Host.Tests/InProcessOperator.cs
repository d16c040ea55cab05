using EcsOperator.Api;
using EcsOperator.Api.Clusters;
using EcsOperator.Api.TaskDefinitions;
using EcsOperator.Aws.Model.Ecs;
using EcsOperator.Hosting;
using EcsOperator.Kubernetes.Config;
using EcsOperator.Kubernetes.Model;
using EcsOperator.Kubernetes.Rest;
using EcsOperator.Observability;
using EcsOperator.Simulator;
using EcsOperator.Testing;
using EcsOperator.KubeApiServer;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace EcsOperator.Host.Tests;

/// <summary>
/// The operator host wired as <c>ecs-operator run</c> wires it (observability endpoint first, then AddEcsOperator),
/// in-process against a Kubernetes API test server and the ECS simulator, with the endpoint on a free loopback port.
/// </summary>
internal sealed class InProcessOperator : IAsyncDisposable
{
    public const string Namespace = "shop";

    private InProcessOperator(KubeApiTestServer kube, EcsSimulator ecs, IHost host)
    {
        Kube = kube;
        Ecs = ecs;
        Host = host;
        var client = new KubernetesClient(Configuration(kube), new KubernetesClientOptions { Qps = 1000, Burst = 1000 });
        Clusters = client.Resource(OperatorResourceTypes.Clusters, ApiJsonContext.Default.EcsCluster);
        TaskDefinitions = client.Resource(OperatorResourceTypes.TaskDefinitions, ApiJsonContext.Default.EcsTaskDefinition);
        var endpoint = host.Services.GetRequiredService<ObservabilityEndpoint>();
        Http = new HttpClient { BaseAddress = endpoint.Address };
        // The secure listener's certificate is self-signed: scrapers skip verifying it, as Prometheus is told to.
        Metrics = new HttpClient(new HttpClientHandler { ServerCertificateCustomValidationCallback = HttpClientHandler.DangerousAcceptAnyServerCertificateValidator })
        {
            BaseAddress = endpoint.MetricsAddress,
        };
    }

    public KubeApiTestServer Kube { get; }

    public EcsSimulator Ecs { get; }

    public IHost Host { get; }

    public IResourceClient<EcsCluster> Clusters { get; }

    public IResourceClient<EcsTaskDefinition> TaskDefinitions { get; }

    /// <summary>A client for the probes /healthz, /livez and /readyz.</summary>
    public HttpClient Http { get; }

    /// <summary>A client for /metrics (its own listener; https when started with secure metrics).</summary>
    public HttpClient Metrics { get; }

    public static async Task<InProcessOperator> StartAsync(TimeSpan resync, CancellationToken cancellationToken, bool secureMetrics = false)
    {
        var kube = await KubeApiTestServer.StartAsync(new KubeApiTestServerOptions { CrdFiles = Directory.GetFiles(RepoPaths.Crds, "*.yaml") }, cancellationToken);
        var ecs = await EcsSimulator.StartAsync(cancellationToken: cancellationToken);
        var builder = Microsoft.Extensions.Hosting.Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddOperatorObservability(new ObservabilityEndpointOptions(System.Net.IPAddress.Loopback, 0) { MetricsPort = 0, SecureMetrics = secureMetrics });
        builder.Services.AddEcsOperator(
            o =>
            {
                o.Namespaces = [Namespace];
                o.LeaderElection = false;
                o.ResyncInterval = resync;
            },
            k =>
            {
                k.Configuration = Configuration(kube);
                k.Qps = 1000;
                k.Burst = 1000;
            },
            a =>
            {
                a.Region = "us-east-1";
                a.AccessKeyId = "AKIDEXAMPLE";
                a.SecretAccessKey = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
                a.EcsEndpoint = ecs.BaseAddress;
                a.ApplicationAutoScalingEndpoint = ecs.BaseAddress;
            });
        var host = builder.Build();
        await host.StartAsync(cancellationToken);
        return new InProcessOperator(kube, ecs, host);
    }

    public static EcsCluster NewCluster(string name) => new()
    {
        Metadata = new ObjectMeta { Name = name, Namespace = Namespace },
        Spec = new EcsClusterSpec { Settings = [new ClusterSetting { Name = "containerInsights", Value = "enabled" }] },
    };

    /// <summary>A Fargate task definition of family <c>shop-&lt;name&gt;</c>.</summary>
    public static EcsTaskDefinition NewTaskDefinition(string name) => new()
    {
        Metadata = new ObjectMeta { Name = name, Namespace = Namespace },
        Spec = new EcsTaskDefinitionSpec
        {
            RequiresCompatibilities = ["FARGATE"],
            NetworkMode = "awsvpc",
            Cpu = "256",
            Memory = "512",
            ContainerDefinitions = [new ContainerDefinition { Name = "web", Image = "nginx:1.27" }],
        },
    };

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        Metrics.Dispose();
        await Host.StopAsync(CancellationToken.None);
        Host.Dispose();
        await Ecs.DisposeAsync();
        await Kube.DisposeAsync();
    }

    private static k8s.KubernetesClientConfiguration Configuration(KubeApiTestServer kube) => new() { Host = kube.BaseAddress.ToString(), Namespace = "ecs-operator" };
}
