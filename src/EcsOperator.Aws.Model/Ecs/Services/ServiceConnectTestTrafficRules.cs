using System.ComponentModel.DataAnnotations;

namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// The test traffic routing configuration for Amazon ECS blue/green deployments.
/// </summary>
public sealed record ServiceConnectTestTrafficRules
{
    /// <summary>
    /// The HTTP header-based routing rules that determine which requests should be routed to the new service
    /// version during blue/green deployment testing.
    /// </summary>
    [Required]
    public ServiceConnectTestTrafficHeaderRules? Header { get; init; }
}
