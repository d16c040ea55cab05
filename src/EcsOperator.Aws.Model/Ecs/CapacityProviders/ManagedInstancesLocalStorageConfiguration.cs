namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// The local storage configuration for Amazon ECS Managed Instances. This defines how ECS uses and configures instance
/// store volumes available on container instance.
/// </summary>
public sealed record ManagedInstancesLocalStorageConfiguration
{
    /// <summary>
    /// Use instance store volumes for data storage when available. EBS volumes are not provisioned for data storage. If
    /// the container instance has multiple instance store volumes, a single data volume is created.
    /// </summary>
    public bool? UseLocalStorage { get; init; }
}
