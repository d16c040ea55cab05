using System.ComponentModel.DataAnnotations;

namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// The container path, mount options, and size of the tmpfs mount.
/// </summary>
public sealed record Tmpfs
{
    /// <summary>
    /// The absolute file path where the tmpfs volume is to be mounted.
    /// </summary>
    [Required]
    public string? ContainerPath { get; init; }

    /// <summary>
    /// The maximum size (in MiB) of the tmpfs volume.
    /// </summary>
    [Required]
    public int? Size { get; init; }

    /// <summary>
    /// The list of tmpfs volume mount options.
    /// </summary>
    public IReadOnlyList<string>? MountOptions { get; init; }
}
