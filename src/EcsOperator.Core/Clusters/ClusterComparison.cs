using EcsOperator.Aws.Model.Ecs;
using EcsOperator.Core.Diffing;

namespace EcsOperator.Core.Clusters;

/// <summary>
/// What differs between an EcsCluster's desired CreateCluster request and the live cluster, and the requests that
/// fix it (each null when its part is in sync). Send UpdateCluster, PutClusterCapacityProviders and TagResource;
/// they are independent of each other. Nothing is ever untagged: tags the spec does not name are not the operator's.
/// </summary>
public sealed record ClusterComparison
{
    /// <summary>Every differing field.</summary>
    public IReadOnlyList<FieldDifference> Differences { get; init; } = [];

    /// <summary>Settings, configuration and Service Connect defaults that differ.</summary>
    public UpdateClusterRequest? Update { get; init; }

    /// <summary>Capacity providers and default strategy, both in full (the call replaces both).</summary>
    public PutClusterCapacityProvidersRequest? PutCapacityProviders { get; init; }

    /// <summary>Tags the spec has that the cluster lacks or has with another value.</summary>
    public TagResourceRequest? TagResource { get; init; }

    /// <summary>Differences nothing can apply to the live cluster (its name).</summary>
    public IReadOnlyList<FieldDifference> Immutable => Differences.Where(d => d.Kind == ChangeKind.Immutable).ToList();

    public bool InSync => Differences.Count == 0;
}
