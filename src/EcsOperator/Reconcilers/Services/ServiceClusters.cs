using EcsOperator.Api.Clusters;
using EcsOperator.Api.Services;
using EcsOperator.Api.Shared;
using EcsOperator.Core.Arns;
using EcsOperator.Core.Conditions;
using EcsOperator.Hosting;
using EcsOperator.Kubernetes.Informer;
using EcsOperator.Kubernetes.Rest;

namespace EcsOperator.Reconcilers.Services;

/// <summary>
/// Which ECS cluster each EcsService lives in, read from the informer caches only: <c>spec.cluster</c>, the Ready
/// EcsCluster a <c>clusterRef</c> names, or the account's <c>default</c> cluster.
/// </summary>
public sealed class ServiceClusters(InformerCache<EcsService> services, InformerCache<EcsCluster> clusters, OperatorOptions options)
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

        var referenced = clusters.Get(new ObjectKey(service.Metadata.Namespace, reference.Name));
        if (referenced is null)
            return new ClusterResolution(null, $"waiting for EcsCluster {reference.Name}, which does not exist (yet)");
        if (!ConditionSet.IsTrue(referenced.Status?.Conditions, ConditionTypes.Ready) || referenced.Status?.ClusterName is null)
            return new ClusterResolution(null, $"waiting for EcsCluster {reference.Name} to be Ready");
        return new ClusterResolution(referenced.Status.ClusterName, null);
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
