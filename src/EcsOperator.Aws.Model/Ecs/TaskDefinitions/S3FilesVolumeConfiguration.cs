using System.ComponentModel.DataAnnotations;

namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// This parameter is specified when you're using an Amazon S3 Files file system for task storage.
/// </summary>
public sealed record S3FilesVolumeConfiguration
{
    /// <summary>
    /// The full ARN of the S3 Files file system to mount.
    /// </summary>
    [Required]
    public string? FileSystemArn { get; init; }

    /// <summary>
    /// The directory within the Amazon S3 Files file system to mount as the root directory. If this parameter is
    /// omitted, the root of the Amazon S3 Files file system will be used.
    /// </summary>
    public string? RootDirectory { get; init; }

    /// <summary>
    /// The port to use for sending encrypted data between the ECS host and the S3 Files file system.
    /// </summary>
    public int? TransitEncryptionPort { get; init; }

    /// <summary>
    /// The full ARN of the S3 Files access point to use. If an access point is specified, the root directory value
    /// specified in the S3FilesVolumeConfiguration must either be omitted or set to / which will enforce the path
    /// set on the S3 Files access point.
    /// </summary>
    public string? AccessPointArn { get; init; }
}
