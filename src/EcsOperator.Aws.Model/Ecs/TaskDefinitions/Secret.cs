using System.ComponentModel.DataAnnotations;

namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// An object representing the secret to expose to your container. Secrets can be exposed to a container in the
/// following ways: To inject sensitive data into your containers as environment variables, use the secrets
/// container definition parameter.
/// </summary>
public sealed record Secret
{
    /// <summary>
    /// The name of the secret.
    /// </summary>
    [Required]
    public string? Name { get; init; }

    /// <summary>
    /// The secret to expose to the container. The supported values are either the full ARN of the Secrets Manager
    /// secret or the full ARN of the parameter in the SSM Parameter Store.
    /// </summary>
    [Required]
    public string? ValueFrom { get; init; }
}
