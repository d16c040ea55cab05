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
    /// The environment variable (or log option) name the secret value is exposed as.
    /// </summary>
    [Required]
    public string? Name { get; init; }

    /// <summary>
    /// The full ARN of the Secrets Manager secret (optionally with a JSON key and version) or of the SSM parameter
    /// (or its name in the same Region).
    /// </summary>
    [Required]
    public string? ValueFrom { get; init; }
}
