using EcsOperator.Api;
using EcsOperator.Api.Services;
using EcsOperator.Api.TaskDefinitions;
using EcsOperator.Kubernetes.Config;
using EcsOperator.Kubernetes.Rest;

namespace EcsOperator.Benchmarks;

/// <summary>The benchmark's own Kubernetes clients for the workload's two kinds, and how it creates the N pairs.</summary>
public sealed record WorkloadClients(IResourceClient<EcsTaskDefinition> TaskDefinitions, IResourceClient<EcsService> Services)
{
    /// <summary>Clients of the API server at <paramref name="kube"/>, limited far above what the benchmark sends.</summary>
    public static WorkloadClients For(Uri kube)
    {
        var client = new KubernetesClient(new k8s.KubernetesClientConfiguration { Host = kube.ToString(), Namespace = Workload.Namespace },
            new KubernetesClientOptions { Qps = 5000, Burst = 5000 });
        return new(client.Resource(ScaleBenchmark.Of(Kinds.TaskDefinition), ApiJsonContext.Default.EcsTaskDefinition),
            client.Resource(ScaleBenchmark.Of(Kinds.Service), ApiJsonContext.Default.EcsService));
    }

    /// <summary>Creates the N EcsTaskDefinition + EcsService pairs, 8 at a time, as a user applying them would.</summary>
    public Task CreatePairsAsync(int count, CancellationToken cancellationToken) =>
        Parallel.ForEachAsync(Enumerable.Range(0, count),
            new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken },
            async (i, ct) =>
            {
                await TaskDefinitions.CreateAsync(Workload.TaskDefinition(i), ct);
                await Services.CreateAsync(Workload.Service(i), ct);
            });
}
