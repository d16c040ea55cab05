using System.ComponentModel.DataAnnotations;

namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// The request of the <c>DeleteCluster</c> operation. Deletes the specified cluster. The cluster transitions to the
/// INACTIVE state.
/// </summary>
public sealed record DeleteClusterRequest
{
    /// <summary>
    /// The short name or full Amazon Resource Name (ARN) of the cluster to delete.
    /// </summary>
    [Required]
    public string? Cluster { get; init; }
}
