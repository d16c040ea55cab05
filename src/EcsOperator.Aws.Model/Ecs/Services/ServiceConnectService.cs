using System.ComponentModel.DataAnnotations;

namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// The Service Connect service object configuration. For more information, see Service Connect in the Amazon
/// Elastic Container Service Developer Guide .
/// </summary>
public sealed record ServiceConnectService
{
    /// <summary>
    /// The portName must match the name of one of the portMappings from all the containers in the task definition
    /// of this Amazon ECS service.
    /// </summary>
    [Required]
    public string? PortName { get; init; }

    /// <summary>
    /// The discoveryName is the name of the new Cloud Map service that Amazon ECS creates for this Amazon ECS
    /// service.
    /// </summary>
    public string? DiscoveryName { get; init; }

    /// <summary>
    /// The list of client aliases for this Service Connect service. You use these to assign names that can be used
    /// by client applications.
    /// </summary>
    public IReadOnlyList<ServiceConnectClientAlias>? ClientAliases { get; init; }

    /// <summary>
    /// The port number for the Service Connect proxy to listen on. Use the value of this field to bypass the proxy
    /// for traffic on the port number specified in the named portMapping in the task definition of this
    /// application, and then use it in your VPC security groups to allow traffic into the proxy for this Amazon ECS
    /// service. In awsvpc mode and Fargate, the default value is the container port number.
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
