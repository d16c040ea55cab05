namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// The details for a volume mount point that's used in a container definition.
/// </summary>
public sealed record MountPoint
{
    /// <summary>
    /// The name of a task definition volume to mount.
    /// </summary>
    public string? SourceVolume { get; init; }

    /// <summary>
    /// The path inside the container where the volume is mounted.
    /// </summary>
    public string? ContainerPath { get; init; }

    /// <summary>
    /// Whether the container may only read the volume. Defaults to false.
    /// </summary>
    public bool? ReadOnly { get; init; }
}
