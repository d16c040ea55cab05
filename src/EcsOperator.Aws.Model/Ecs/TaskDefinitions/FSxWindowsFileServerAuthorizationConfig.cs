using System.ComponentModel.DataAnnotations;

namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// The authorization configuration details for Amazon FSx for Windows File Server file system.
/// </summary>
public sealed record FSxWindowsFileServerAuthorizationConfig
{
    /// <summary>
    /// The authorization credential option to use. The authorization credential options can be provided using
    /// either the Amazon Resource Name (ARN) of an Secrets Manager secret or SSM Parameter Store parameter.
    /// </summary>
    [Required]
    public string? CredentialsParameter { get; init; }

    /// <summary>
    /// A fully qualified domain name hosted by an Directory Service Managed Microsoft AD (Active Directory) or
    /// self-hosted AD on Amazon EC2.
    /// </summary>
    [Required]
    public string? Domain { get; init; }
}
