using System.Diagnostics;
using EcsOperator.Aws.Ecs;
using EcsOperator.Aws.Model.Ecs;

namespace EcsOperator.Benchmarks;

/// <summary>
/// The least a hand-written script must do for N services: register each task definition, create each service,
/// then poll DescribeServices (10 per call) until every service's only deployment is COMPLETED with its task running.
/// It uses the same AWS client (and rate limits) as the operator, so the ratio measures the operator's own overhead.
/// </summary>
public static class RawSequence
{
    /// <summary>The whole sequence's time and the part of it spent registering and creating (before the first poll).</summary>
    public sealed record Run(TimeSpan Total, TimeSpan Created);

    public static async Task<Run> RunAsync(IEcsApi ecs, int services, int concurrency, TimeSpan pollInterval, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var arns = new string[services];
        await Parallel.ForEachAsync(Enumerable.Range(0, services),
            new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = cancellationToken },
            async (i, ct) =>
            {
                var registered = await ecs.RegisterTaskDefinitionAsync(Workload.RawTaskDefinition(i), ct);
                var service = await ecs.CreateServiceAsync(Workload.RawService(i, registered.TaskDefinition!.TaskDefinitionArn!), ct);
                arns[i] = service.Service!.ServiceArn!;
            });

        var created = clock.Elapsed;
        var pending = new HashSet<string>(arns, StringComparer.Ordinal);
        while (pending.Count > 0)
        {
            var described = await ecs.DescribeAllServicesAsync(new DescribeServicesRequest { Services = pending.ToList() }, cancellationToken);
            foreach (var service in described.Services)
            {
                if (IsSteady(service))
                    pending.Remove(service.ServiceArn!);
            }

            if (pending.Count > 0)
                await Task.Delay(pollInterval, cancellationToken);
        }

        return new Run(clock.Elapsed, created);
    }

    internal static bool IsSteady(Service service) =>
        service.Deployments is [{ RolloutState: "COMPLETED" } deployment]
        && deployment.RunningCount == service.DesiredCount;
}
