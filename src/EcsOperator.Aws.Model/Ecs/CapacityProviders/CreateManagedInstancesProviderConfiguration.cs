using System.ComponentModel.DataAnnotations;

namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// The configuration for creating a Amazon ECS Managed Instances provider.
/// </summary>
public sealed record CreateManagedInstancesProviderConfiguration
{
    /// <summary>
    /// The Amazon Resource Name (ARN) of the infrastructure role that Amazon ECS uses to manage instances on your
    /// behalf.
    /// </summary>
    [Required]
    public string? InfrastructureRoleArn { get; init; }

    /// <summary>
    /// The launch template configuration that specifies how Amazon ECS should launch Amazon EC2 instances. This
    /// includes the instance profile, network configuration, storage settings, and instance requirements for attribute-
    /// based instance type selection.
    /// </summary>
    [Required]
    public InstanceLaunchTemplate? InstanceLaunchTemplate { get; init; }

    /// <summary>
    /// Specifies whether to propagate tags from the capacity provider to the Amazon ECS Managed Instances. When
    /// enabled, tags applied to the capacity provider are automatically applied to all instances launched by this
    /// provider.
    /// </summary>
    [AllowedValues("CAPACITY_PROVIDER", "NONE")]
    public string? PropagateTags { get; init; }

    /// <summary>
    /// Defines how Amazon ECS Managed Instances optimizes the infrastastructure in your capacity provider. Provides
    /// control over the delay between when EC2 instances become idle or underutilized and when Amazon ECS optimizes
    /// them.
    /// </summary>
    public InfrastructureOptimization? InfrastructureOptimization { get; init; }

    /// <summary>
    /// The auto repair configuration for the Amazon ECS Managed Instances capacity provider. Use this to enable or
    /// disable automatic replacement of container instances that are detected as unhealthy.
    /// </summary>
    public AutoRepairConfiguration? AutoRepairConfiguration { get; init; }
}
