using System.ComponentModel.DataAnnotations;

namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// The Service Connect service object configuration. For more information, see Service Connect in the Amazon
/// Elastic Container Service Developer Guide .
/// </summary>
public sealed record ServiceConnectService
{
    /// <summary>
    /// The name of a portMappings entry in the task definition this endpoint serves.
    /// </summary>
    [Required]
    public string? PortName { get; init; }

    /// <summary>
    /// The Cloud Map service name ECS creates for the endpoint; defaults to portName.
    /// </summary>
    public string? DiscoveryName { get; init; }

    /// <summary>
    /// The list of client aliases for this Service Connect service. You use these to assign names that can be used
    /// by client applications.
    /// </summary>
    public IReadOnlyList<ServiceConnectClientAlias>? ClientAliases { get; init; }

    /// <summary>
    /// The port the Service Connect proxy listens on for incoming traffic; defaults to the container port of
    /// portName.
    /// </summary>
    [Range(0, 65535)]
    public int? IngressPortOverride { get; init; }

    /// <summary>
    /// A reference to an object that represents the configured timeouts for Service Connect.
    /// </summary>
    public TimeoutConfiguration? Timeout { get; init; }

    /// <summary>
    /// A reference to an object that represents a Transport Layer Security (TLS) configuration.
    /// </summary>
    public ServiceConnectTlsConfiguration? Tls { get; init; }
}
