using System.ComponentModel.DataAnnotations;

namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// The request of the <c>DeleteService</c> operation. Deletes a specified service within a cluster. You can delete
/// a service if you have no running tasks in it and the desired task count is zero.
/// </summary>
public sealed record DeleteServiceRequest
{
    /// <summary>
    /// The short name or full Amazon Resource Name (ARN) of the cluster that hosts the service to delete. If you do
    /// not specify a cluster, the default cluster is assumed.
    /// </summary>
    public string? Cluster { get; init; }

    /// <summary>
    /// The name of the service to delete.
    /// </summary>
    [Required]
    public string? Service { get; init; }

    /// <summary>
    /// If true, allows you to delete a service even if it wasn't scaled down to zero tasks. It's only necessary to
    /// use this if the service uses the REPLICA scheduling strategy.
    /// </summary>
    public bool? Force { get; init; }
}
