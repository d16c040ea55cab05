using System.ComponentModel.DataAnnotations;

namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// The Service Connect configuration of your Amazon ECS service. The configuration for this service to discover and
/// connect to services, and be discovered by, and connected from, other services within a namespace.
/// </summary>
public sealed record ServiceConnectConfiguration
{
    /// <summary>
    /// Specifies whether to use Service Connect with this service.
    /// </summary>
    [Required]
    public bool? Enabled { get; init; }

    /// <summary>
    /// The namespace name or full Amazon Resource Name (ARN) of the Cloud Map namespace for use with Service
    /// Connect.
    /// </summary>
    public string? Namespace { get; init; }

    /// <summary>
    /// The list of Service Connect service objects. These are names and aliases (also known as endpoints) that are
    /// used by other Amazon ECS services to connect to this service.
    /// </summary>
    [ListKey("portName")]
    public IReadOnlyList<ServiceConnectService>? Services { get; init; }

    /// <summary>
    /// The log configuration for the container. This parameter maps to LogConfig in the docker container create
    /// command and the --log-driver option to docker run. By default, containers use the same logging driver that
    /// the Docker daemon uses.
    /// </summary>
    public LogConfiguration? LogConfiguration { get; init; }

    /// <summary>
    /// The configuration for Service Connect access logging. Access logs capture detailed information about
    /// requests made to your service, including request patterns, response codes, and timing data.
    /// </summary>
    public ServiceConnectAccessLogConfiguration? AccessLogConfiguration { get; init; }
}
