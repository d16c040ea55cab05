using System.ComponentModel.DataAnnotations;

namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// The configuration details for the App Mesh proxy. For tasks that use the EC2 launch type, the container
/// instances require at least version 1.26.0 of the container agent and at least version 1.26.0-1 of the ecs-init
/// package to use a proxy configuration.
/// </summary>
public sealed record ProxyConfiguration
{
    /// <summary>
    /// The proxy type. The only supported value is APPMESH.
    /// </summary>
    [AllowedValues("APPMESH")]
    public string? Type { get; init; }

    /// <summary>
    /// The name of the container that will serve as the App Mesh proxy.
    /// </summary>
    [Required]
    public string? ContainerName { get; init; }

    /// <summary>
    /// The set of network configuration parameters to provide the Container Network Interface (CNI) plugin,
    /// specified as key-value pairs.
    /// </summary>
    public IReadOnlyList<NameValuePair>? Properties { get; init; }
}
