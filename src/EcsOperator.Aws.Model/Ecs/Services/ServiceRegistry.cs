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
    /// The port for SRV records, when the registry uses them with awsvpc.
    /// </summary>
    public int? Port { get; init; }

    /// <summary>
    /// The container whose port is registered in SRV records (bridge and host network modes).
    /// </summary>
    public string? ContainerName { get; init; }

    /// <summary>
    /// The container port registered in SRV records (bridge and host network modes).
    /// </summary>
    public int? ContainerPort { get; init; }
}
