using System.ComponentModel.DataAnnotations;

namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// The storage configuration for Amazon ECS Managed Instances. This defines the data volume configuration for the
/// instances.
/// </summary>
public sealed record ManagedInstancesStorageConfiguration
{
    /// <summary>
    /// The size of the data volume.
    /// </summary>
    [Range(1, int.MaxValue)]
    public int? StorageSizeGiB { get; init; }
}
