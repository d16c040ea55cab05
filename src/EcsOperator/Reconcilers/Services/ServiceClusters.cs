using EcsOperator.Api.Services;
using EcsOperator.Core.Arns;
using EcsOperator.Hosting;
using EcsOperator.Reconcilers.Managed;
using EcsOperator.Kubernetes.Informer;

namespace EcsOperator.Reconcilers.Services;

/// <summary>
/// Which ECS cluster each EcsService lives in, read from the informer caches only: <c>spec.cluster</c>, the Ready
/// EcsCluster a <c>clusterRef</c> names, or the account's <c>default</c> cluster.
/// </summary>
public sealed class ServiceClusters(InformerCache<EcsService> services, ReferenceResolver references, OperatorOptions options)
{
    /// <summary>The cluster ECS uses when a request names none.</summary>
    public const string DefaultCluster = "default";

    /// <summary>The cluster of <paramref name="service"/>, or why it cannot be known yet.</summary>
    public ClusterResolution Resolve(EcsService service)
    {
        ArgumentNullException.ThrowIfNull(service);
        if (service.Spec.Cluster is { } cluster)
            return new ClusterResolution(cluster, null);
        if (service.Spec.ClusterRef is not { } reference)
            return new ClusterResolution(DefaultCluster, null);

        var referenced = references.Cluster(service.Metadata.Namespace, reference.Name);
        return referenced.IsReady ? new ClusterResolution(referenced.Object!.Status!.ClusterName, null) : new ClusterResolution(null, referenced.WaitingFor, referenced.NotYetObserved);
    }

    /// <summary>
    /// The short names of the clusters that EcsServices live in (as created, else as resolved now), plus
    /// <see cref="OperatorOptions.UsageClusters"/>; <c>default</c> when that leaves none.
    /// </summary>
    public IReadOnlyList<string> InUse()
    {
        var names = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var service in services.List())
        {
            if ((service.Status?.ClusterName ?? Resolve(service).Name) is { } name)
                names.Add(EcsNames.ClusterName(name));
        }

        foreach (var extra in options.UsageClusters)
            names.Add(EcsNames.ClusterName(extra));
        return names.Count == 0 ? [DefaultCluster] : [.. names];
    }
}
