using EcsOperator.Api.CapacityProviders;
using EcsOperator.Api.Clusters;
using EcsOperator.Api.TaskDefinitions;
using EcsOperator.Kubernetes.Informer;
using EcsOperator.Kubernetes.Rest;

namespace EcsOperator.Reconcilers.Managed;

/// <summary>
/// The one way any kind reads the objects it references: from the informer caches (no API request), with one
/// readiness rule, <see cref="Readiness.IsReadyForGeneration"/>. Services and tasks wait the same way, and the
/// watches on the referenced kinds wake them when what they read here changes.
/// </summary>
public sealed class ReferenceResolver(InformerCache<EcsTaskDefinition> taskDefinitions, InformerCache<EcsCluster> clusters,
    InformerCache<EcsCapacityProvider> capacityProviders)
{
    /// <summary>The referenced EcsTaskDefinition once it is Ready for its generation (its revision registered), else why not.</summary>
    public Resolution<EcsTaskDefinition> TaskDefinition(string? @namespace, string name)
    {
        var td = taskDefinitions.Get(new ObjectKey(@namespace, name));
        if (td is null)
            return Resolution<EcsTaskDefinition>.Waiting($"waiting for EcsTaskDefinition {name}, which does not exist (yet)");
        if (!Readiness.IsReadyForGeneration(td.Metadata, td.Status) || td.Status?.TaskDefinitionArn is null)
            return new(td, $"waiting for EcsTaskDefinition {name} to register a revision of its current spec");
        return new(td, null);
    }

    /// <summary>The referenced EcsCluster once it is Ready for its generation, else why not.</summary>
    public Resolution<EcsCluster> Cluster(string? @namespace, string name)
    {
        var cluster = clusters.Get(new ObjectKey(@namespace, name));
        if (cluster is null)
            return Resolution<EcsCluster>.Waiting($"waiting for EcsCluster {name}, which does not exist (yet)");
        if (!Readiness.IsReadyForGeneration(cluster.Metadata, cluster.Status) || cluster.Status?.ClusterName is null)
            return new(cluster, $"waiting for EcsCluster {name} to be Ready");
        return new(cluster, null);
    }

    /// <summary>The referenced EcsCapacityProvider once it is Ready for its generation (its ECS name known), else why not.</summary>
    public Resolution<EcsCapacityProvider> CapacityProvider(string? @namespace, string name)
    {
        var provider = capacityProviders.Get(new ObjectKey(@namespace, name));
        if (provider is null)
            return Resolution<EcsCapacityProvider>.Waiting($"waiting for EcsCapacityProvider {name}, which does not exist (yet)");
        if (!Readiness.IsReadyForGeneration(provider.Metadata, provider.Status) || provider.Status?.Name is null)
            return new(provider, $"waiting for EcsCapacityProvider {name} to be Ready");
        return new(provider, null);
    }
}
