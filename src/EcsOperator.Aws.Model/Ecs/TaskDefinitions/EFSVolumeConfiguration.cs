using System.ComponentModel.DataAnnotations;

namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// This parameter is specified when you're using an Amazon Elastic File System file system for task storage.
/// </summary>
public sealed record EFSVolumeConfiguration
{
    /// <summary>
    /// The Amazon EFS file system ID to use.
    /// </summary>
    [Required]
    public string? FileSystemId { get; init; }

    /// <summary>
    /// The directory of the file system mounted as the volume root; defaults to /. Must be / or omitted when an
    /// access point is used.
    /// </summary>
    public string? RootDirectory { get; init; }

    /// <summary>
    /// Whether NFS traffic to EFS is encrypted in transit (required when IAM authorization is used). The default is
    /// DISABLED.
    /// </summary>
    [AllowedValues("ENABLED", "DISABLED")]
    public string? TransitEncryption { get; init; }

    /// <summary>
    /// The port for encrypted NFS traffic; ECS picks one when omitted.
    /// </summary>
    public int? TransitEncryptionPort { get; init; }

    /// <summary>
    /// The authorization configuration details for the Amazon EFS file system.
    /// </summary>
    public EFSAuthorizationConfig? AuthorizationConfig { get; init; }
}
