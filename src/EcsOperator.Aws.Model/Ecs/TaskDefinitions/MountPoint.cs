namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// The details for a volume mount point that's used in a container definition.
/// </summary>
public sealed record MountPoint
{
    /// <summary>
    /// The name of the volume to mount. Must be a volume name referenced in the name parameter of task definition
    /// volume.
    /// </summary>
    public string? SourceVolume { get; init; }

    /// <summary>
    /// The path on the container to mount the host volume at.
    /// </summary>
    public string? ContainerPath { get; init; }

    /// <summary>
    /// If this value is true, the container has read-only access to the volume. If this value is false, then the
    /// container can write to the volume. The default value is false.
    /// </summary>
    public bool? ReadOnly { get; init; }
}
