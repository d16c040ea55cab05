namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// The data volume configuration for tasks launched using this task definition. Specifying a volume configuration
/// in a task definition is optional.
/// </summary>
public sealed record Volume
{
    /// <summary>
    /// The name of the volume. Up to 255 letters (uppercase and lowercase), numbers, underscores, and hyphens are
    /// allowed.
    /// </summary>
    public string? Name { get; init; }

    /// <summary>
    /// This parameter is specified when you use bind mount host volumes. The contents of the host parameter
    /// determine whether your bind mount host volume persists on the host container instance and where it's stored.
    /// </summary>
    public HostVolumeProperties? Host { get; init; }

    /// <summary>
    /// This parameter is specified when you use Docker volumes. Windows containers only support the use of the
    /// local driver.
    /// </summary>
    public DockerVolumeConfiguration? DockerVolumeConfiguration { get; init; }

    /// <summary>
    /// This parameter is specified when you use an Amazon Elastic File System file system for task storage.
    /// </summary>
    public EFSVolumeConfiguration? EfsVolumeConfiguration { get; init; }

    /// <summary>
    /// This parameter is specified when you use an Amazon S3 Files file system for task storage.
    /// </summary>
    public S3FilesVolumeConfiguration? S3filesVolumeConfiguration { get; init; }

    /// <summary>
    /// This parameter is specified when you use Amazon FSx for Windows File Server file system for task storage.
    /// </summary>
    public FSxWindowsFileServerVolumeConfiguration? FsxWindowsFileServerVolumeConfiguration { get; init; }

    /// <summary>
    /// Indicates whether the volume should be configured at launch time. This is used to create Amazon EBS volumes
    /// for standalone tasks or tasks created as part of a service.
    /// </summary>
    public bool? ConfiguredAtLaunch { get; init; }
}
