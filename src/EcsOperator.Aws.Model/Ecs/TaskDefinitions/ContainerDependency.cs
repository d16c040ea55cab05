using System.ComponentModel.DataAnnotations;

namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// The dependencies defined for container startup and shutdown. A container can contain multiple dependencies.
/// </summary>
public sealed record ContainerDependency
{
    /// <summary>
    /// The name of a container.
    /// </summary>
    [Required]
    public string? ContainerName { get; init; }

    /// <summary>
    /// The dependency condition of the container. The following are the available conditions and their behavior:
    /// START - This condition emulates the behavior of links and volumes today.
    /// </summary>
    [Required]
    [AllowedValues("START", "COMPLETE", "SUCCESS", "HEALTHY")]
    public string? Condition { get; init; }
}
