using System.ComponentModel.DataAnnotations;

namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// The configuration for a volume specified in the task definition as a volume that is configured at launch time.
/// </summary>
public sealed record ServiceVolumeConfiguration
{
    /// <summary>
    /// The name of the volume. This value must match the volume name from the Volume object in the task definition.
    /// </summary>
    [Required]
    public string? Name { get; init; }

    /// <summary>
    /// The configuration for the Amazon EBS volume that Amazon ECS creates and manages on your behalf.
    /// </summary>
    public ServiceManagedEBSVolumeConfiguration? ManagedEBSVolume { get; init; }
}
