namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// The details for the service registry. Each service may be associated with one service registry.
/// </summary>
public sealed record ServiceRegistry
{
    /// <summary>
    /// The Amazon Resource Name (ARN) of the service registry. The currently supported service registry is Cloud
    /// Map.
    /// </summary>
    public string? RegistryArn { get; init; }

    /// <summary>
    /// The port value used if your service discovery service specified an SRV record. This field might be used if
    /// both the awsvpc network mode and SRV records are used.
    /// </summary>
    public int? Port { get; init; }

    /// <summary>
    /// The container name value to be used for your service discovery service. It's already specified in the task
    /// definition.
    /// </summary>
    public string? ContainerName { get; init; }

    /// <summary>
    /// The port value to be used for your service discovery service. It's already specified in the task definition.
    /// </summary>
    public int? ContainerPort { get; init; }
}
