namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// The data volume configuration for tasks launched using this task definition. Specifying a volume configuration
/// in a task definition is optional.
/// </summary>
public sealed record Volume
{
    /// <summary>
    /// The volume name that mountPoints refer to (up to 255 letters, numbers, hyphens and underscores).
    /// </summary>
    public string? Name { get; init; }

    /// <summary>
    /// A bind mount of a path on the host; without sourcePath Docker picks the path and the data lives only as long
    /// as the containers use it.
    /// </summary>
    public HostVolumeProperties? Host { get; init; }

    /// <summary>
    /// A Docker volume managed by a volume driver (EC2 only).
    /// </summary>
    public DockerVolumeConfiguration? DockerVolumeConfiguration { get; init; }

    /// <summary>
    /// An Amazon EFS file system mounted as this volume.
    /// </summary>
    public EFSVolumeConfiguration? EfsVolumeConfiguration { get; init; }

    /// <summary>
    /// An Amazon S3 Files file system mounted as this volume.
    /// </summary>
    public S3FilesVolumeConfiguration? S3filesVolumeConfiguration { get; init; }

    /// <summary>
    /// An Amazon FSx for Windows File Server file system mounted as this volume.
    /// </summary>
    public FSxWindowsFileServerVolumeConfiguration? FsxWindowsFileServerVolumeConfiguration { get; init; }

    /// <summary>
    /// Whether the volume is described when the task or service is launched (volumeConfigurations), as needed for
    /// ECS-managed EBS volumes.
    /// </summary>
    public bool? ConfiguredAtLaunch { get; init; }
}
