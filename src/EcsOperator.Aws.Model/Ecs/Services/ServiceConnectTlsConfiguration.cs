using System.ComponentModel.DataAnnotations;

namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// The key that encrypts and decrypts your resources for Service Connect TLS.
/// </summary>
public sealed record ServiceConnectTlsConfiguration
{
    /// <summary>
    /// The signer certificate authority.
    /// </summary>
    [Required]
    public ServiceConnectTlsCertificateAuthority? IssuerCertificateAuthority { get; init; }

    /// <summary>
    /// The Amazon Web Services Key Management Service key.
    /// </summary>
    public string? KmsKey { get; init; }

    /// <summary>
    /// The Amazon Resource Name (ARN) of the IAM role that's associated with the Service Connect TLS.
    /// </summary>
    public string? RoleArn { get; init; }
}
