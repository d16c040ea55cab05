using System.ComponentModel.DataAnnotations;

namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// The Service Connect configuration of your Amazon ECS service. The configuration for this service to discover and
/// connect to services, and be discovered by, and connected from, other services within a namespace.
/// </summary>
public sealed record ServiceConnectConfiguration
{
    /// <summary>
    /// Whether the service uses Service Connect.
    /// </summary>
    [Required]
    public bool? Enabled { get; init; }

    /// <summary>
    /// The namespace name or full Amazon Resource Name (ARN) of the Cloud Map namespace for use with Service
    /// Connect.
    /// </summary>
    public string? Namespace { get; init; }

    /// <summary>
    /// The endpoints this service publishes to other Service Connect services, identified by portName; leave empty
    /// for a client-only service.
    /// </summary>
    [ListKey("portName")]
    public IReadOnlyList<ServiceConnectService>? Services { get; init; }

    /// <summary>
    /// The log configuration of the Service Connect proxy container ECS adds to each task.
    /// </summary>
    public LogConfiguration? LogConfiguration { get; init; }

    /// <summary>
    /// The configuration for Service Connect access logging. Access logs capture detailed information about
    /// requests made to your service, including request patterns, response codes, and timing data.
    /// </summary>
    public ServiceConnectAccessLogConfiguration? AccessLogConfiguration { get; init; }
}
