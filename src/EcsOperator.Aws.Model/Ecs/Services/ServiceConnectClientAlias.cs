using System.ComponentModel.DataAnnotations;

namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// Each alias ("endpoint") is a fully-qualified name and port number that other tasks ("clients") can use to
/// connect to this service.
/// </summary>
public sealed record ServiceConnectClientAlias
{
    /// <summary>
    /// The listening port number for the Service Connect proxy. This port is available inside of all of the tasks
    /// within the same namespace. To avoid changing your applications in client Amazon ECS services, set this to
    /// the same port that the client application uses by default.
    /// </summary>
    [Required]
    [Range(0, 65535)]
    public int? Port { get; init; }

    /// <summary>
    /// The dnsName is the name that you use in the applications of client tasks to connect to this service. If this
    /// parameter isn't specified, the default value of discoveryName.namespace is used.
    /// </summary>
    public string? DnsName { get; init; }

    /// <summary>
    /// The configuration for test traffic routing rules used during blue/green deployments with Amazon ECS Service
    /// Connect.
    /// </summary>
    public ServiceConnectTestTrafficRules? TestTrafficRules { get; init; }
}
