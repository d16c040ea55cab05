using System.ComponentModel.DataAnnotations;

namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// The header matching rules for test traffic routing in Amazon ECS blue/green deployments. These rules determine
/// how incoming requests are matched based on HTTP headers to route test traffic to the new service revision.
/// </summary>
public sealed record ServiceConnectTestTrafficHeaderMatchRules
{
    /// <summary>
    /// The exact value that the HTTP header must match for the test traffic routing rule to apply.
    /// </summary>
    [Required]
    public string? Exact { get; init; }
}
