using System.ComponentModel.DataAnnotations;

namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// The deployment controller to use for the service.
/// </summary>
public sealed record DeploymentController
{
    /// <summary>
    /// The deployment controller type to use. The deployment controller is the mechanism that determines how tasks
    /// are deployed for your service. Rolling updates are the default deployment strategy for services and provide
    /// a balance between deployment safety and resource efficiency for many common application scenarios.
    /// </summary>
    [Required]
    [AllowedValues("ECS", "CODE_DEPLOY", "EXTERNAL")]
    public string? Type { get; init; }
}
