using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Threading.Channels;
using EcsOperator.Api.Services;
using EcsOperator.Api.TaskDefinitions;
using EcsOperator.Aws.Ecs;
using EcsOperator.Aws.Model.Ecs;
using EcsOperator.Kubernetes.Model;
using EcsOperator.Kubernetes.Rest;
using EcsOperator.KubeApiServer;
using EcsOperator.Simulator;
using EcsOperator.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace EcsOperator.Benchmarks;

/// <summary>
/// The raw sequence as an operator must at least run it through Kubernetes: the benchmark creates the same N
/// EcsTaskDefinition + EcsService pairs, and a minimal controller writes the least any operator writes: a finalizer
/// before each AWS create and one status after it (the service's once it is steady). It learns of the objects as an
/// operator does, from a watch per kind (every event decoded, its own writes included), but keeps no cache, queue,
/// Events or progress statuses. Same AWS client, same concurrency per kind as the operator, its own API server and
/// simulator. What it costs over the raw sequence is what the instrument's Kubernetes side alone costs on these
/// cores: an operator at this concurrency cannot be faster than this here.
/// </summary>
public static class KubernetesFloor
{
    public sealed record Run(TimeSpan Total, TimeSpan Created, int KubernetesWrites, TimeSpan Cpu);

    public static async Task<Run> RunAsync(ScaleOptions options, CancellationToken cancellationToken)
    {
        await using var kube = await KubeApiTestServer.StartAsync(
            new KubeApiTestServerOptions { CrdFiles = Directory.GetFiles(RepoPaths.Crds, "*.yaml"), HistoryWindow = 100_000, BookmarkInterval = null }, cancellationToken);
        await using var sim = await EcsSimulator.StartAsync(new EcsSimulatorOptions { RealTimeTickInterval = options.TickInterval }, cancellationToken);
        await using var aws = SimulatorAwsClients.Create(sim.BaseAddress, options.RateLimits);
        var ecs = aws.GetRequiredService<IEcsApi>();
        await ecs.CreateClusterAsync(new CreateClusterRequest { ClusterName = "default" }, cancellationToken);
        var workload = WorkloadClients.For(kube.BaseAddress);
        var (taskDefinitions, services) = (workload.TaskDefinitions, workload.Services);

        // Told of the objects as an operator is: by a watch per kind, each event decoded (its own writes come back too).
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var newTaskDefinitions = Channel.CreateUnbounded<EcsTaskDefinition>();
        var registered = Channel.CreateUnbounded<(int I, EcsService Service, string TaskDefinitionArn)>();
        var joinGate = new Lock();
        var serviceObjects = new Dictionary<string, EcsService>(StringComparer.Ordinal);
        var taskDefinitionArns = new Dictionary<string, string>(StringComparer.Ordinal);
        void Join(string name)
        {
            lock (joinGate)
            {
                if (serviceObjects.Remove(name, out var svc) && taskDefinitionArns.Remove(name, out var arn))
                    registered.Writer.TryWrite((int.Parse(name.AsSpan(4), CultureInfo.InvariantCulture), svc, arn));
                else if (svc is not null)
                    serviceObjects[name] = svc;
            }
        }

        var watching = new[]
        {
            Watch(taskDefinitions, td => newTaskDefinitions.Writer.TryWrite(td), stop.Token),
            Watch(services, svc =>
            {
                lock (joinGate)
                    serviceObjects[svc.Metadata.Name!] = svc;
                Join(svc.Metadata.Name!);
            }, stop.Token),
        };
        var steadyWaiting = new ConcurrentDictionary<string, EcsService>(StringComparer.Ordinal);
        var writes = 0;
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var createdAt = TimeSpan.Zero;

        var creating = Task.Run(async () =>
        {
            await workload.CreatePairsAsync(options.Services, cancellationToken);
            createdAt = clock.Elapsed;
        }, cancellationToken);

        // As the operator's task-definition controller: finalizer, RegisterTaskDefinition, status.
        var taskDefinitionWorkers = Enumerable.Range(0, options.Workers).Select(_ => Task.Run(async () =>
        {
            await foreach (var td in newTaskDefinitions.Reader.ReadAllAsync(stop.Token))
            {
                var i = int.Parse(td.Metadata.Name.AsSpan(4), CultureInfo.InvariantCulture);
                var guarded = await taskDefinitions.ReplaceAsync(WithFinalizer(td), stop.Token);
                var arn = (await ecs.RegisterTaskDefinitionAsync(Workload.RawTaskDefinition(i), stop.Token)).TaskDefinition!.TaskDefinitionArn!;
                await taskDefinitions.ReplaceStatusAsync(guarded with
                {
                    Status = new EcsTaskDefinitionStatus { ObservedGeneration = guarded.Metadata.Generation, TaskDefinitionArn = arn, Conditions = [Ready(guarded.Metadata)] },
                }, stop.Token);
                Interlocked.Add(ref writes, 2);
                lock (joinGate)
                    taskDefinitionArns[td.Metadata.Name!] = arn;
                Join(td.Metadata.Name!);
            }
        }, stop.Token)).ToArray();

        // As the operator's service controller: finalizer, CreateService; the status follows once the poll finds it steady.
        var serviceWorkers = Enumerable.Range(0, options.Workers).Select(_ => Task.Run(async () =>
        {
            await foreach (var (i, svc, arn) in registered.Reader.ReadAllAsync(stop.Token))
            {
                var guarded = await services.ReplaceAsync(WithFinalizer(svc), stop.Token);
                var serviceArn = (await ecs.CreateServiceAsync(Workload.RawService(i, arn), stop.Token)).Service!.ServiceArn!;
                Interlocked.Increment(ref writes);
                steadyWaiting[serviceArn] = guarded;
            }
        }, stop.Token)).ToArray();

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
        await creating;
        await stop.CancelAsync();
        foreach (var task in watching.Concat(taskDefinitionWorkers).Concat(serviceWorkers))
        {
            try
            {
                await task;
            }
            catch (OperationCanceledException)
            {
                // stopped: every pair is done
            }
        }

        return new Run(total, createdAt, writes, used);
    }

    private static Task Watch<T>(IResourceClient<T> client, Action<T> added, CancellationToken cancellationToken) where T : class, IKubernetesObject =>
        Task.Run(async () =>
        {
            await foreach (var change in client.WatchAsync(Workload.Namespace, new WatchOptions { AllowWatchBookmarks = false }, cancellationToken))
            {
                if (change is { Type: WatchEventType.Added, Object: { } obj })
                    added(obj);
            }
        }, cancellationToken);

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
