using System.ComponentModel.DataAnnotations;

namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// The deployment circuit breaker can only be used for services using the rolling update (ECS) deployment type.
/// </summary>
public sealed record DeploymentCircuitBreaker
{
    /// <summary>
    /// Determines whether to use the deployment circuit breaker logic for the service.
    /// </summary>
    [Required]
    public bool? Enable { get; init; }

    /// <summary>
    /// Determines whether to configure Amazon ECS to roll back the service if a service deployment fails.
    /// </summary>
    [Required]
    public bool? Rollback { get; init; }
}
