using System.ComponentModel.DataAnnotations;

namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// The auto repair configuration for an Amazon ECS Managed Instances capacity provider.
/// </summary>
public sealed record AutoRepairConfiguration
{
    /// <summary>
    /// The status of auto repair actions for the capacity provider. When set to ENABLED , Amazon ECS automatically
    /// replaces container instances with an IMPAIRED health status.
    /// </summary>
    [AllowedValues("ENABLED", "DISABLED")]
    public string? ActionsStatus { get; init; }
}
