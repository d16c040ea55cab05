using System.ComponentModel.DataAnnotations;

namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// The authorization configuration details for the Amazon EFS file system.
/// </summary>
public sealed record EFSAuthorizationConfig
{
    /// <summary>
    /// The EFS access point to mount through; rootDirectory must then be / or omitted.
    /// </summary>
    public string? AccessPointId { get; init; }

    /// <summary>
    /// Whether the task role is used to authorize the mount (needs transitEncryption ENABLED). The default is
    /// DISABLED.
    /// </summary>
    [AllowedValues("ENABLED", "DISABLED")]
    public string? Iam { get; init; }
}
