using EcsOperator.Api.CapacityProviders;
using EcsOperator.Api.Clusters;
using EcsOperator.Api.TaskDefinitions;
using EcsOperator.Kubernetes.Informer;
using EcsOperator.Kubernetes.Model;
using EcsOperator.Kubernetes.Rest;

namespace EcsOperator.Reconcilers.Managed;

/// <summary>
/// The one way any kind reads the objects it references: from the informer caches (no API request), with one
/// readiness rule, <see cref="Readiness.IsReadyForGeneration"/>. Services and tasks wait the same way, and the
/// watches on the referenced kinds wake them when what they read here changes. A reference Stalled for its current
/// generation is named with its reason: the dependant is not on that reference's current spec.
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
        if (Readiness.StalledForGeneration(td.Metadata, td.Status) is { } stalled)
            return new(td, Stuck($"EcsTaskDefinition {name}", td.Metadata.Generation, stalled, "no revision of its current spec exists"));
        if (!Readiness.IsReadyForGeneration(td.Metadata, td.Status) || td.Status?.TaskDefinitionArn is null)
            return new(td, $"waiting for EcsTaskDefinition {name} to register a revision of its current spec", !Readiness.IsObservedForGeneration(td.Metadata, td.Status));
        return new(td, null);
    }

    /// <summary>The referenced EcsCluster once it is Ready for its generation, else why not.</summary>
    public Resolution<EcsCluster> Cluster(string? @namespace, string name)
    {
        var cluster = clusters.Get(new ObjectKey(@namespace, name));
        if (cluster is null)
            return Resolution<EcsCluster>.Waiting($"waiting for EcsCluster {name}, which does not exist (yet)");
        if (Readiness.StalledForGeneration(cluster.Metadata, cluster.Status) is { } stalled)
            return new(cluster, Stuck($"EcsCluster {name}", cluster.Metadata.Generation, stalled, "its current spec is not applied"));
        if (!Readiness.IsReadyForGeneration(cluster.Metadata, cluster.Status) || cluster.Status?.ClusterName is null)
            return new(cluster, $"waiting for EcsCluster {name} to be Ready", !Readiness.IsObservedForGeneration(cluster.Metadata, cluster.Status));
        return new(cluster, null);
    }

    /// <summary>A referenced object Stalled for its current generation: named, with its reason, so the human knows where to look.</summary>
    private static string Stuck(string what, long? generation, Condition stalled, string consequence) =>
        $"{what} is Stalled ({stalled.Reason}) for its generation {generation}, so {consequence}: fix {what} ({stalled.Message})";

    /// <summary>The referenced EcsCapacityProvider once it is Ready for its generation (its ECS name known), else why not.</summary>
    public Resolution<EcsCapacityProvider> CapacityProvider(string? @namespace, string name)
    {
        var provider = capacityProviders.Get(new ObjectKey(@namespace, name));
        if (provider is null)
            return Resolution<EcsCapacityProvider>.Waiting($"waiting for EcsCapacityProvider {name}, which does not exist (yet)");
        if (Readiness.StalledForGeneration(provider.Metadata, provider.Status) is { } stalled)
            return new(provider, Stuck($"EcsCapacityProvider {name}", provider.Metadata.Generation, stalled, "its current spec is not applied"));
        if (!Readiness.IsReadyForGeneration(provider.Metadata, provider.Status) || provider.Status?.Name is null)
            return new(provider, $"waiting for EcsCapacityProvider {name} to be Ready", !Readiness.IsObservedForGeneration(provider.Metadata, provider.Status));
        return new(provider, null);
    }
}
