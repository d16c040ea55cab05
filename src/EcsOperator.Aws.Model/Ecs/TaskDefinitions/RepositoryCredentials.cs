using System.ComponentModel.DataAnnotations;

namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// The repository credentials for private registry authentication.
/// </summary>
public sealed record RepositoryCredentials
{
    /// <summary>
    /// The Amazon Resource Name (ARN) of the secret containing the private repository credentials.
    /// </summary>
    [Required]
    public string? CredentialsParameter { get; init; }
}
