using System.ComponentModel.DataAnnotations;

namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// The request of the <c>PutClusterCapacityProviders</c> operation. Modifies the available capacity providers and
/// the default capacity provider strategy for a cluster.
/// </summary>
public sealed record PutClusterCapacityProvidersRequest
{
    /// <summary>
    /// The short name or full Amazon Resource Name (ARN) of the cluster to modify the capacity provider settings
    /// for. If you don't specify a cluster, the default cluster is assumed.
    /// </summary>
    [Required]
    public string? Cluster { get; init; }

    /// <summary>
    /// The name of one or more capacity providers to associate with the cluster. If specifying a capacity provider
    /// that uses an Auto Scaling group, the capacity provider must already be created.
    /// </summary>
    [Required]
    [SetList]
    public IReadOnlyList<string>? CapacityProviders { get; init; }

    /// <summary>
    /// The capacity provider strategy to use by default for the cluster. When creating a service or running a task
    /// on a cluster, if no capacity provider or launch type is specified then the default capacity provider
    /// strategy for the cluster is used.
    /// </summary>
    [Required]
    [ListKey("capacityProvider")]
    public IReadOnlyList<CapacityProviderStrategyItem>? DefaultCapacityProviderStrategy { get; init; }
}
