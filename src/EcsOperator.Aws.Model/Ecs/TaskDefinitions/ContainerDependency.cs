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
    /// What the dependency must reach: START (started), COMPLETE (exited), SUCCESS (exited with code 0) or HEALTHY
    /// (passed its health check).
    /// </summary>
    [Required]
    [AllowedValues("START", "COMPLETE", "SUCCESS", "HEALTHY")]
    public string? Condition { get; init; }
}
