using System.ComponentModel.DataAnnotations;

namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// The deployment controller to use for the service.
/// </summary>
public sealed record DeploymentController
{
    /// <summary>
    /// Who runs deployments: ECS (built-in rolling and blue/green, the default), CODE_DEPLOY or EXTERNAL.
    /// </summary>
    [Required]
    [AllowedValues("ECS", "CODE_DEPLOY", "EXTERNAL")]
    public string? Type { get; init; }
}
