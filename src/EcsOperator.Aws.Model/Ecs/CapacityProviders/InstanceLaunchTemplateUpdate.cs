using System.ComponentModel.DataAnnotations;

namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// The updated launch template configuration for Amazon ECS Managed Instances. You can modify the instance profile,
/// network configuration, storage settings, and instance requirements. Changes apply to new instances launched after
/// the update.
/// </summary>
public sealed record InstanceLaunchTemplateUpdate
{
    /// <summary>
    /// The updated Amazon Resource Name (ARN) of the instance profile. The new instance profile must have the necessary
    /// permissions for your tasks. For more information, see Amazon ECS instance profile for Managed Instances in the
    /// Amazon ECS Developer Guide .
    /// </summary>
    public string? Ec2InstanceProfileArn { get; init; }

    /// <summary>
    /// The updated network configuration for Amazon ECS Managed Instances. Changes to subnets and security groups
    /// affect new instances launched after the update.
    /// </summary>
    public ManagedInstancesNetworkConfiguration? NetworkConfiguration { get; init; }

    /// <summary>
    /// The updated storage configuration for Amazon ECS Managed Instances. Changes to storage settings apply to new
    /// instances launched after the update.
    /// </summary>
    public ManagedInstancesStorageConfiguration? StorageConfiguration { get; init; }

    /// <summary>
    /// Determines whether tags are propagated to the instance metadata service (IMDS) for Amazon EC2 instances launched
    /// by the Managed Instances capacity provider. When enabled, all tags associated with the instance are available
    /// through the instance metadata service.
    /// </summary>
    public bool? InstanceMetadataTagsPropagation { get; init; }

    /// <summary>
    /// The updated local storage configuration for Amazon ECS Managed Instances. Changes to local storage settings
    /// apply to new instances launched after the update.
    /// </summary>
    public ManagedInstancesLocalStorageConfiguration? LocalStorageConfiguration { get; init; }

    /// <summary>
    /// CloudWatch provides two categories of monitoring: basic monitoring and detailed monitoring. By default, your
    /// managed instance is configured for basic monitoring.
    /// </summary>
    [AllowedValues("BASIC", "DETAILED")]
    public string? Monitoring { get; init; }

    /// <summary>
    /// The updated instance requirements for attribute-based instance type selection. Changes to instance requirements
    /// affect which instance types Amazon ECS selects for new instances.
    /// </summary>
    public InstanceRequirementsRequest? InstanceRequirements { get; init; }

    /// <summary>
    /// The updated capacity reservations specifications for Amazon ECS Managed Instances. Changes to capacity
    /// reservations settings apply to new instances launched after the update.
    /// </summary>
    public CapacityReservationRequest? CapacityReservations { get; init; }
}
