using System.ComponentModel.DataAnnotations;

namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// This parameter is specified when you're using Amazon FSx for Windows File Server file system for task storage.
/// </summary>
public sealed record FSxWindowsFileServerVolumeConfiguration
{
    /// <summary>
    /// The Amazon FSx for Windows File Server file system ID to use.
    /// </summary>
    [Required]
    public string? FileSystemId { get; init; }

    /// <summary>
    /// The directory within the Amazon FSx for Windows File Server file system to mount as the root directory
    /// inside the host.
    /// </summary>
    [Required]
    public string? RootDirectory { get; init; }

    /// <summary>
    /// The authorization configuration details for the Amazon FSx for Windows File Server file system.
    /// </summary>
    [Required]
    public FSxWindowsFileServerAuthorizationConfig? AuthorizationConfig { get; init; }
}
