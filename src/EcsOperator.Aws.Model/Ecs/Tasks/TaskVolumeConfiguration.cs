using System.ComponentModel.DataAnnotations;

namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// Configuration settings for the task volume that was configuredAtLaunch that weren't set during RegisterTaskDef.
/// </summary>
public sealed record TaskVolumeConfiguration
{
    /// <summary>
    /// The name of the volume. This value must match the volume name from the Volume object in the task definition.
    /// </summary>
    [Required]
    public string? Name { get; init; }

    /// <summary>
    /// The configuration for the Amazon EBS volume that Amazon ECS creates and manages on your behalf.
    /// </summary>
    public TaskManagedEBSVolumeConfiguration? ManagedEBSVolume { get; init; }
}
