using System.ComponentModel.DataAnnotations;

namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// The HTTP header rules used to identify and route test traffic during Amazon ECS blue/green deployments.
/// </summary>
public sealed record ServiceConnectTestTrafficHeaderRules
{
    /// <summary>
    /// The name of the HTTP header to examine for test traffic routing. Common examples include custom headers like
    /// X-Test-Version or X-Canary-Request that can be used to identify test traffic.
    /// </summary>
    [Required]
    public string? Name { get; init; }

    /// <summary>
    /// The header value matching configuration that determines how the HTTP header value is evaluated for test
    /// traffic routing decisions.
    /// </summary>
    public ServiceConnectTestTrafficHeaderMatchRules? Value { get; init; }
}
