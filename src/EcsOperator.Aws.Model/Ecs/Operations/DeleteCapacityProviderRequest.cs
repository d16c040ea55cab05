using System.ComponentModel.DataAnnotations;

namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// The request of the <c>DeleteCapacityProvider</c> operation. Deletes the specified capacity provider.
/// </summary>
public sealed record DeleteCapacityProviderRequest
{
    /// <summary>
    /// The short name or full Amazon Resource Name (ARN) of the capacity provider to delete.
    /// </summary>
    [Required]
    public string? CapacityProvider { get; init; }

    /// <summary>
    /// The name of the cluster that contains the capacity provider to delete. Managed instances capacity providers are
    /// cluster-scoped and can only be deleted from their associated cluster.
    /// </summary>
    public string? Cluster { get; init; }
}
