namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// The configuration for a Amazon ECS Managed Instances provider. Amazon ECS uses this configuration to automatically
/// launch, manage, and terminate Amazon EC2 instances on your behalf.
/// </summary>
public sealed record ManagedInstancesProvider
{
    /// <summary>
    /// The Amazon Resource Name (ARN) of the infrastructure role that Amazon ECS assumes to manage instances.
    /// </summary>
    public string? InfrastructureRoleArn { get; init; }

    /// <summary>
    /// The launch template that defines how Amazon ECS launches Amazon ECS Managed Instances. This includes the
    /// instance profile for your tasks, network and storage configuration, and instance requirements that determine
    /// which Amazon EC2 instance types can be used.
    /// </summary>
    public InstanceLaunchTemplate? InstanceLaunchTemplate { get; init; }

    /// <summary>
    /// Determines whether tags from the capacity provider are automatically applied to Amazon ECS Managed Instances.
    /// This helps with cost allocation and resource management by ensuring consistent tagging across your
    /// infrastructure.
    /// </summary>
    public string? PropagateTags { get; init; }

    /// <summary>
    /// Defines how Amazon ECS Managed Instances optimizes the infrastastructure in your capacity provider.
    /// </summary>
    public InfrastructureOptimization? InfrastructureOptimization { get; init; }

    /// <summary>
    /// The auto repair configuration for the Amazon ECS Managed Instances capacity provider. Indicates whether Amazon
    /// ECS automatically replaces container instances that are detected as unhealthy.
    /// </summary>
    public AutoRepairConfiguration? AutoRepairConfiguration { get; init; }
}
