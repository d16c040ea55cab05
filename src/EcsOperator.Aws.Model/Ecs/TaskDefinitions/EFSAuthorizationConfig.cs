using System.ComponentModel.DataAnnotations;

namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// The authorization configuration details for the Amazon EFS file system.
/// </summary>
public sealed record EFSAuthorizationConfig
{
    /// <summary>
    /// The Amazon EFS access point ID to use. If an access point is specified, the root directory value specified
    /// in the EFSVolumeConfiguration must either be omitted or set to / which will enforce the path set on the EFS
    /// access point.
    /// </summary>
    public string? AccessPointId { get; init; }

    /// <summary>
    /// Determines whether to use the Amazon ECS task role defined in a task definition when mounting the Amazon EFS
    /// file system. If this parameter is omitted, the default value of DISABLED is used.
    /// </summary>
    [AllowedValues("ENABLED", "DISABLED")]
    public string? Iam { get; init; }
}
