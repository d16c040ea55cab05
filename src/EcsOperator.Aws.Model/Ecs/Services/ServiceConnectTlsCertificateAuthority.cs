namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// The certificate root authority that secures your service.
/// </summary>
public sealed record ServiceConnectTlsCertificateAuthority
{
    /// <summary>
    /// The ARN of the Amazon Web Services Private Certificate Authority certificate.
    /// </summary>
    public string? AwsPcaAuthorityArn { get; init; }
}
