using EcsOperator.Api.Services;
using EcsOperator.Aws.Ecs;
using EcsOperator.Aws.Model.Ecs;
using EcsOperator.Aws.Principals;
using EcsOperator.Core.Arns;
using EcsOperator.Hosting;
using EcsOperator.Kubernetes.Controller;
using EcsOperator.Kubernetes.Hosting;
using EcsOperator.Kubernetes.Rest;
using EcsOperator.Reconcilers.Managed;
using Microsoft.Extensions.Logging;

namespace EcsOperator.Reconcilers.Services;

/// <summary>
/// The periodic drift check of EcsServices (DESIGN section 4): once per resync interval (jittered) it describes the
/// services of each namespace and ECS cluster in batches of 10, as that namespace's principal
/// (<see cref="IAwsClientsForNamespace"/>; a namespace whose principal is refused is skipped, and its services' own
/// reconciles stall them Forbidden), leaves the descriptions in <see cref="ServiceSnapshots"/> and
/// enqueues every EcsService, whose reconcile then compares against the snapshot instead of describing again. Ready
/// services have no timer of their own (<see cref="RequeuePolicy"/>): this is what looks at them again. It is a
/// resync source, not a controller: it reconciles nothing itself, and runs (as an <see cref="ILeaderService"/>) only
/// while this replica leads, like the controller whose queue it feeds.
/// </summary>
public sealed class BatchedServiceResync(
    Controller<EcsService> controller,
    IAwsClientsForNamespace aws,
    ServiceSnapshots snapshots,
    OperatorOptions options,
    TimeProvider time,
    ILogger<BatchedServiceResync> logger) : ILeaderService, IResyncSource
{
    private static readonly string[] IncludeTags = [ServiceField.Tags];

    public string Name => "ecsservice-resync";

    public string Kind => EcsService.KindName;

    /// <summary>Sweeps completed since start (for tests and diagnostics).</summary>
    public int Sweeps { get; private set; }

    public async Task RunAsync(CancellationToken leading)
    {
        try
        {
            await controller.Informer.WaitForSyncAsync(leading);
            while (!leading.IsCancellationRequested)
            {
                await Task.Delay(RequeuePolicy.Jittered(options.ResyncInterval), time, leading);
                await SweepAsync(leading);
            }
        }
        catch (OperationCanceledException) when (leading.IsCancellationRequested)
        {
        }
    }

    /// <summary>Describes every created EcsService's ECS service, namespace and cluster at a time, then enqueues all EcsServices.</summary>
    public async Task SweepAsync(CancellationToken cancellationToken)
    {
        var services = controller.Informer.Cache.List();
        var batches = services
            .Where(s => s.Metadata.DeletionTimestamp is null && s.Status is { ClusterName: not null, ServiceName: not null })
            .GroupBy(s => (Namespace: s.Metadata.Namespace!, Cluster: EcsNames.ClusterName(s.Status!.ClusterName!)));
        foreach (var batch in batches)
        {
            var (@namespace, cluster) = batch.Key;
            try
            {
                var ecs = aws.For(@namespace).Ecs;
                var mark = snapshots.BeginRead();
                var described = await ecs.DescribeAllServicesAsync(new DescribeServicesRequest
                {
                    Cluster = cluster,
                    Services = batch.Select(s => s.Status!.ServiceName!).Distinct(StringComparer.Ordinal).ToList(),
                    Include = IncludeTags,
                }, cancellationToken);
                foreach (var service in described.Services.Where(s => s.Status != ServiceStatusValue.Inactive))
                    snapshots.Put(service, mark);
            }
            catch (NamespacePrincipalRefusedException)
            {
                // Nothing to describe with: the reconciles enqueued below stall these services Forbidden.
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The reconciles describe for themselves then; a failed sweep must not stop the next one.
                logger.LogWarning(e, "Resync of the services of namespace {Namespace} in ECS cluster {Cluster} failed", @namespace, cluster);
            }
        }

        foreach (var service in services)
            controller.Enqueue(ObjectKey.Of(service));
        Sweeps++;
    }
}
