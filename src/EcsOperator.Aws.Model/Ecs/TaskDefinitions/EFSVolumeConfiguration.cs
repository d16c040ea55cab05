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
    /// The directory within the Amazon EFS file system to mount as the root directory inside the host.
    /// </summary>
    public string? RootDirectory { get; init; }

    /// <summary>
    /// Determines whether to use encryption for Amazon EFS data in transit between the Amazon ECS host and the
    /// Amazon EFS server. If this parameter is omitted, the default value of DISABLED is used.
    /// </summary>
    [AllowedValues("ENABLED", "DISABLED")]
    public string? TransitEncryption { get; init; }

    /// <summary>
    /// The port to use when sending encrypted data between the Amazon ECS host and the Amazon EFS server.
    /// </summary>
    public int? TransitEncryptionPort { get; init; }

    /// <summary>
    /// The authorization configuration details for the Amazon EFS file system.
    /// </summary>
    public EFSAuthorizationConfig? AuthorizationConfig { get; init; }
}
