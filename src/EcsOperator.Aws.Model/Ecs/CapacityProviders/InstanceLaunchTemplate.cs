using System.ComponentModel.DataAnnotations;

namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// The launch template configuration for Amazon ECS Managed Instances.
/// </summary>
public sealed record InstanceLaunchTemplate
{
    /// <summary>
    /// The Amazon Resource Name (ARN) of the instance profile that Amazon ECS applies to Amazon ECS Managed Instances.
    /// This instance profile must include the necessary permissions for your tasks to access Amazon Web Services
    /// services and resources.
    /// </summary>
    [Required]
    public string? Ec2InstanceProfileArn { get; init; }

    /// <summary>
    /// The network configuration for Amazon ECS Managed Instances. This specifies the subnets and security groups that
    /// instances use for network connectivity.
    /// </summary>
    [Required]
    public ManagedInstancesNetworkConfiguration? NetworkConfiguration { get; init; }

    /// <summary>
    /// The storage configuration for Amazon ECS Managed Instances. This defines the data volume properties for the
    /// instances.
    /// </summary>
    public ManagedInstancesStorageConfiguration? StorageConfiguration { get; init; }

    /// <summary>
    /// The local storage configuration for Amazon ECS Managed Instances. This defines how ECS uses instance store
    /// volumes available on the container instance.
    /// </summary>
    public ManagedInstancesLocalStorageConfiguration? LocalStorageConfiguration { get; init; }

    /// <summary>
    /// CloudWatch provides two categories of monitoring: basic monitoring and detailed monitoring. By default, your
    /// managed instance is configured for basic monitoring.
    /// </summary>
    [AllowedValues("BASIC", "DETAILED")]
    public string? Monitoring { get; init; }

    /// <summary>
    /// The capacity option type. This determines whether Amazon ECS launches On-Demand, Spot or Capacity Reservation
    /// Instances for your managed instance capacity provider. Valid values are: ON_DEMAND - Launches standard On-Demand
    /// Instances.
    /// </summary>
    [AllowedValues("ON_DEMAND", "SPOT", "RESERVED")]
    public string? CapacityOptionType { get; init; }

    /// <summary>
    /// Determines whether tags are propagated to the instance metadata service (IMDS) for Amazon EC2 instances launched
    /// by the Managed Instances capacity provider. When enabled, all tags associated with the instance are available
    /// through the instance metadata service.
    /// </summary>
    public bool? InstanceMetadataTagsPropagation { get; init; }

    /// <summary>
    /// The instance requirements. You can specify: The instance types Instance requirements such as vCPU count, memory,
    /// network performance, and accelerator specifications Amazon ECS automatically selects the instances that match
    /// the specified criteria.
    /// </summary>
    public InstanceRequirementsRequest? InstanceRequirements { get; init; }

    /// <summary>
    /// Determines whether to enable FIPS 140-2 validated cryptographic modules on EC2 instances launched by the
    /// capacity provider. If true , instances use FIPS-compliant cryptographic algorithms and modules for enhanced
    /// security compliance.
    /// </summary>
    public bool? FipsEnabled { get; init; }

    /// <summary>
    /// Capacity reservation specifications. You can specify: Capacity reservation preference Reservation resource group
    /// to be used for targeted capacity reservations Amazon ECS will launch instances according to the specified
    /// criteria.
    /// </summary>
    public CapacityReservationRequest? CapacityReservations { get; init; }
}
