using System.ComponentModel.DataAnnotations;

namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// The deployment circuit breaker can only be used for services using the rolling update (ECS) deployment type.
/// </summary>
public sealed record DeploymentCircuitBreaker
{
    /// <summary>
    /// Whether the circuit breaker watches rolling deployments.
    /// </summary>
    [Required]
    public bool? Enable { get; init; }

    /// <summary>
    /// Whether a deployment stopped by the circuit breaker is rolled back to the last completed deployment.
    /// </summary>
    [Required]
    public bool? Rollback { get; init; }
}
