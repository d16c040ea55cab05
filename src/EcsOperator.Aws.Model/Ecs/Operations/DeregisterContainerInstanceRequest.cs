using System.ComponentModel.DataAnnotations;

namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// The request of the <c>DeregisterContainerInstance</c> operation: removes a container instance from its cluster.
/// Without <see cref="Force"/>, an instance with running tasks cannot be deregistered.
/// </summary>
public sealed record DeregisterContainerInstanceRequest
{
    public string? Cluster { get; init; }

    /// <summary>The container instance id or full ARN.</summary>
    [Required]
    public string? ContainerInstance { get; init; }

    public bool? Force { get; init; }
}
