using EcsOperator.Api.Clusters;
using EcsOperator.Aws.Model.Ecs;
using EcsOperator.Core.Ownership;

namespace EcsOperator.Core.Clusters;

/// <summary>Turns an EcsCluster into the CreateCluster request it stands for.</summary>
public static class ClusterTranslator
{
    /// <summary>The ECS cluster name: <c>spec.clusterName</c>, else the object's name.</summary>
    public static string ClusterName(EcsCluster cluster)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        var name = cluster.Spec.ClusterName ?? cluster.Metadata.Name;
        if (string.IsNullOrEmpty(name))
            throw new ArgumentException("the EcsCluster has neither spec.clusterName nor metadata.name", nameof(cluster));
        return name;
    }

    /// <param name="cluster">The EcsCluster.</param>
    /// <param name="ownerTagValue">The value of the ownership tag (<see cref="OwnershipTags.OwnerValue"/>).</param>
    /// <param name="referencedProviders">
    /// The ECS names of the EcsCapacityProviders in <c>spec.capacityProviderRefs</c>, resolved by the caller; associated
    /// after <c>spec.capacityProviders</c>.
    /// </param>
    public static CreateClusterRequest ToCreateRequest(EcsCluster cluster, string ownerTagValue, IReadOnlyList<string>? referencedProviders = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(ownerTagValue);
        var spec = cluster.Spec;
        // With capacityProviderRefs set (even to []) the spec owns the association: a ref removed is disassociated.
        var providers = spec.CapacityProviderRefs is not null
            ? (spec.CapacityProviders ?? []).Concat((referencedProviders ?? []).Where(p => spec.CapacityProviders?.Contains(p) != true)).ToList()
            : spec.CapacityProviders;
        return new CreateClusterRequest
        {
            ClusterName = ClusterName(cluster),
            CapacityProviders = providers,
            DefaultCapacityProviderStrategy = spec.DefaultCapacityProviderStrategy,
            Settings = spec.Settings,
            Configuration = spec.Configuration,
            ServiceConnectDefaults = spec.ServiceConnectDefaults,
            // The owner tag always wins over a spec tag of the same key: it is how the operator recognises its cluster.
            Tags = (spec.Tags ?? [])
                .Where(t => t.Key != OwnershipTags.OwnerKey)
                .Append(new Tag { Key = OwnershipTags.OwnerKey, Value = ownerTagValue })
                .ToList(),
        };
    }
}
