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
    /// The maximum size of the tmpfs volume in MiB.
    /// </summary>
    [Required]
    public int? Size { get; init; }

    /// <summary>
    /// Mount options for the tmpfs volume, such as rw, noexec or mode=1777.
    /// </summary>
    public IReadOnlyList<string>? MountOptions { get; init; }
}
