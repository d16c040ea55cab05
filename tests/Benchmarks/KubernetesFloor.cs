using System.Collections.Concurrent;
using System.Diagnostics;
using System.Threading.Channels;
using EcsOperator.Api;
using EcsOperator.Api.Services;
using EcsOperator.Api.TaskDefinitions;
using EcsOperator.Aws.Ecs;
using EcsOperator.Aws.Model.Ecs;
using EcsOperator.Kubernetes.Config;
using EcsOperator.Kubernetes.Model;
using EcsOperator.Kubernetes.Rest;
using EcsOperator.KubeApiServer;
using EcsOperator.Simulator;
using EcsOperator.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace EcsOperator.Benchmarks;

/// <summary>
/// The raw sequence as an operator must at least run it through Kubernetes: the benchmark creates the same N
/// EcsTaskDefinition + EcsService pairs, and a script that is told of each pair as it is created (no watch, no cache,
/// no queue) writes the least any operator writes: a finalizer before each AWS create and one status after it (the
/// service's once it is steady). Same AWS client, same concurrency per kind as the operator, its own API server and
/// simulator. What it costs over the raw sequence is what the instrument's Kubernetes side alone costs on these cores,
/// so no operator can be faster than this on this machine.
/// </summary>
public static class KubernetesFloor
{
    public sealed record Run(TimeSpan Total, TimeSpan Created, int KubernetesWrites, TimeSpan Cpu);

    public static async Task<Run> RunAsync(ScaleOptions options, CancellationToken cancellationToken)
    {
        await using var kube = await KubeApiTestServer.StartAsync(
            new KubeApiTestServerOptions { CrdFiles = Directory.GetFiles(RepoPaths.Crds, "*.yaml"), HistoryWindow = 100_000, BookmarkInterval = null }, cancellationToken);
        await using var sim = await EcsSimulator.StartAsync(new EcsSimulatorOptions { RealTimeTickInterval = options.TickInterval }, cancellationToken);
        await using var aws = ScaleBenchmark.AwsClients(sim.BaseAddress, options.RateLimits);
        var ecs = aws.GetRequiredService<IEcsApi>();
        await ecs.CreateClusterAsync(new CreateClusterRequest { ClusterName = "default" }, cancellationToken);
        var client = new KubernetesClient(new k8s.KubernetesClientConfiguration { Host = kube.BaseAddress.ToString(), Namespace = Workload.Namespace },
            new KubernetesClientOptions { Qps = 5000, Burst = 5000 });
        var taskDefinitions = client.Resource(ScaleBenchmark.Of(Kinds.TaskDefinition), ApiJsonContext.Default.EcsTaskDefinition);
        var services = client.Resource(ScaleBenchmark.Of(Kinds.Service), ApiJsonContext.Default.EcsService);

        var created = Channel.CreateUnbounded<(int I, EcsTaskDefinition TaskDefinition, EcsService Service)>();
        var registered = Channel.CreateUnbounded<(int I, EcsService Service, string TaskDefinitionArn)>();
        var steadyWaiting = new ConcurrentDictionary<string, EcsService>(StringComparer.Ordinal);
        var writes = 0;
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var createdAt = TimeSpan.Zero;

        var creating = Task.Run(async () =>
        {
            await Parallel.ForEachAsync(Enumerable.Range(0, options.Services),
                new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken },
                async (i, ct) =>
                {
                    var td = await taskDefinitions.CreateAsync(Workload.TaskDefinition(i), ct);
                    var svc = await services.CreateAsync(Workload.Service(i), ct);
                    await created.Writer.WriteAsync((i, td, svc), ct);
                });
            createdAt = clock.Elapsed;
            created.Writer.Complete();
        }, cancellationToken);

        // As the operator's task-definition controller: finalizer, RegisterTaskDefinition, status.
        var taskDefinitionWorkers = Enumerable.Range(0, options.Workers).Select(_ => Task.Run(async () =>
        {
            await foreach (var (i, td, svc) in created.Reader.ReadAllAsync(cancellationToken))
            {
                var guarded = await taskDefinitions.ReplaceAsync(WithFinalizer(td), cancellationToken);
                var arn = (await ecs.RegisterTaskDefinitionAsync(Workload.RawTaskDefinition(i), cancellationToken)).TaskDefinition!.TaskDefinitionArn!;
                await taskDefinitions.ReplaceStatusAsync(guarded with
                {
                    Status = new EcsTaskDefinitionStatus { ObservedGeneration = guarded.Metadata.Generation, TaskDefinitionArn = arn, Conditions = [Ready(guarded.Metadata)] },
                }, cancellationToken);
                Interlocked.Add(ref writes, 2);
                await registered.Writer.WriteAsync((i, svc, arn), cancellationToken);
            }
        }, cancellationToken)).ToArray();
        var registering = Task.WhenAll(taskDefinitionWorkers).ContinueWith(_ => registered.Writer.Complete(), cancellationToken, TaskContinuationOptions.None, TaskScheduler.Default);

        // As the operator's service controller: finalizer, CreateService; the status follows once the poll finds it steady.
        var serviceWorkers = Enumerable.Range(0, options.Workers).Select(_ => Task.Run(async () =>
        {
            await foreach (var (i, svc, arn) in registered.Reader.ReadAllAsync(cancellationToken))
            {
                var guarded = await services.ReplaceAsync(WithFinalizer(svc), cancellationToken);
                var serviceArn = (await ecs.CreateServiceAsync(Workload.RawService(i, arn), cancellationToken)).Service!.ServiceArn!;
                Interlocked.Increment(ref writes);
                steadyWaiting[serviceArn] = guarded;
            }
        }, cancellationToken)).ToArray();
        var creatingServices = Task.WhenAll(serviceWorkers);

        // As the raw sequence: DescribeServices 10 at a time once per tick; each steady service gets its Ready status.
        var done = 0;
        while (done < options.Services)
        {
            if (!steadyWaiting.IsEmpty)
            {
                var described = await ecs.DescribeAllServicesAsync(new DescribeServicesRequest { Services = [.. steadyWaiting.Keys] }, cancellationToken);
                var steady = described.Services.Where(RawSequence.IsSteady).Select(s => s.ServiceArn!).ToList();
                await Parallel.ForEachAsync(steady, new ParallelOptions { MaxDegreeOfParallelism = options.Workers, CancellationToken = cancellationToken },
                    async (serviceArn, ct) =>
                    {
                        steadyWaiting.TryRemove(serviceArn, out var svc);
                        await services.ReplaceStatusAsync(svc! with
                        {
                            Status = new EcsServiceStatus { ObservedGeneration = svc.Metadata.Generation, ServiceArn = serviceArn, Conditions = [Ready(svc.Metadata)] },
                        }, ct);
                        Interlocked.Increment(ref writes);
                        Interlocked.Increment(ref done);
                    });
            }

            if (done < options.Services)
                await Task.Delay(options.TickInterval, cancellationToken);
        }

        var total = clock.Elapsed;
        var used = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        await Task.WhenAll(creating, registering, creatingServices);
        return new Run(total, createdAt, writes, used);
    }

    private static T WithFinalizer<T>(T obj) where T : class, IKubernetesObject => obj switch
    {
        EcsTaskDefinition td => (T)(object)(td with { Metadata = td.Metadata with { Finalizers = ["ecs.aws.k8s.io/finalizer"] } }),
        EcsService svc => (T)(object)(svc with { Metadata = svc.Metadata with { Finalizers = ["ecs.aws.k8s.io/finalizer"] } }),
        _ => throw new ArgumentOutOfRangeException(nameof(obj)),
    };

    private static Condition Ready(ObjectMeta metadata) => new()
    {
        Type = "Ready",
        Status = "True",
        ObservedGeneration = metadata.Generation,
        LastTransitionTime = DateTimeOffset.UtcNow,
        Reason = "Ready",
        Message = "ready",
    };
}
