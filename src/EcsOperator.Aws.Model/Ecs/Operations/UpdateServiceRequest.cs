using System.ComponentModel.DataAnnotations;

namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// The request of the <c>UpdateService</c> operation. Modifies the parameters of a service. On March 21, 2024, a
/// change was made to resolve the task definition revision before authorization.
/// </summary>
public sealed record UpdateServiceRequest
{
    /// <summary>
    /// The short name or full Amazon Resource Name (ARN) of the cluster that your service runs on. If you do not
    /// specify a cluster, the default cluster is assumed.
    /// </summary>
    public string? Cluster { get; init; }

    /// <summary>
    /// The name of the service to update.
    /// </summary>
    [Required]
    public string? Service { get; init; }

    /// <summary>
    /// The new number of tasks to keep running. Changing it alone does not start a new deployment.
    /// </summary>
    public int? DesiredCount { get; init; }

    /// <summary>
    /// The family and revision (family:revision) or full ARN of the task definition to run in your service.
    /// </summary>
    public string? TaskDefinition { get; init; }

    /// <summary>
    /// The details of a capacity provider strategy. You can set a capacity provider when you create a cluster, run
    /// a task, or update a service.
    /// </summary>
    [ListKey("capacityProvider")]
    public IReadOnlyList<CapacityProviderStrategyItem>? CapacityProviderStrategy { get; init; }

    /// <summary>
    /// Optional deployment parameters that control how many tasks run during the deployment and the ordering of
    /// stopping and starting tasks.
    /// </summary>
    public DeploymentConfiguration? DeploymentConfiguration { get; init; }

    /// <summary>
    /// Indicates whether to use Availability Zone rebalancing for the service.
    /// </summary>
    [AllowedValues("ENABLED", "DISABLED")]
    public string? AvailabilityZoneRebalancing { get; init; }

    /// <summary>
    /// An object representing the network configuration for the service. This parameter triggers a new service
    /// deployment.
    /// </summary>
    public NetworkConfiguration? NetworkConfiguration { get; init; }

    /// <summary>
    /// An array of task placement constraint objects to update the service to use. If no value is specified, the
    /// existing placement constraints for the service will remain unchanged.
    /// </summary>
    public IReadOnlyList<PlacementConstraint>? PlacementConstraints { get; init; }

    /// <summary>
    /// The task placement strategy objects to update the service to use. If no value is specified, the existing
    /// placement strategy for the service will remain unchanged.
    /// </summary>
    public IReadOnlyList<PlacementStrategy>? PlacementStrategy { get; init; }

    /// <summary>
    /// The platform version that your tasks in the service run on. A platform version is only specified for tasks
    /// using the Fargate launch type.
    /// </summary>
    public string? PlatformVersion { get; init; }

    /// <summary>
    /// Starts a new deployment even when nothing changed, for example to pull a new image for the same tag.
    /// Defaults to false.
    /// </summary>
    public bool? ForceNewDeployment { get; init; }

    /// <summary>
    /// The period of time, in seconds, that the Amazon ECS service scheduler ignores unhealthy Elastic Load
    /// Balancing, VPC Lattice, and container health checks after a task has first started. If you don't specify a
    /// health check grace period value, the default value of 0 is used.
    /// </summary>
    public int? HealthCheckGracePeriodSeconds { get; init; }

    /// <summary>
    /// The deployment controller to use for the service.
    /// </summary>
    public DeploymentController? DeploymentController { get; init; }

    /// <summary>
    /// If true, this enables execute command functionality on all task containers. If you do not want to override
    /// the value that was set when the service was created, you can set this to null when performing this action.
    /// </summary>
    public bool? EnableExecuteCommand { get; init; }

    /// <summary>
    /// Determines whether to turn on Amazon ECS managed tags for the tasks in the service. For more information,
    /// see Tagging Your Amazon ECS Resources in the Amazon Elastic Container Service Developer Guide . Only tasks
    /// launched after the update will reflect the update.
    /// </summary>
    public bool? EnableECSManagedTags { get; init; }

    /// <summary>
    /// You must have a service-linked role when you update this property A list of Elastic Load Balancing load
    /// balancer objects.
    /// </summary>
    public IReadOnlyList<LoadBalancer>? LoadBalancers { get; init; }

    /// <summary>
    /// Determines whether to propagate the tags from the task definition or the service to the task.
    /// </summary>
    [AllowedValues("TASK_DEFINITION", "SERVICE", "NONE")]
    public string? PropagateTags { get; init; }

    /// <summary>
    /// You must have a service-linked role when you update this property. For more information about the role see
    /// the CreateService request parameter role . The details for the service discovery registries to assign to
    /// this service.
    /// </summary>
    public IReadOnlyList<ServiceRegistry>? ServiceRegistries { get; init; }

    /// <summary>
    /// The configuration for this service to discover and connect to services, and be discovered by, and connected
    /// from, other services within a namespace.
    /// </summary>
    public ServiceConnectConfiguration? ServiceConnectConfiguration { get; init; }

    /// <summary>
    /// The details of the volume that was configuredAtLaunch. You can configure the size, volumeType, IOPS,
    /// throughput, snapshot and encryption in ServiceManagedEBSVolumeConfiguration . The name of the volume must
    /// match the name from the task definition.
    /// </summary>
    [ListKey("name")]
    public IReadOnlyList<ServiceVolumeConfiguration>? VolumeConfigurations { get; init; }

    /// <summary>
    /// An object representing the VPC Lattice configuration for the service being updated. This parameter triggers
    /// a new service deployment.
    /// </summary>
    public IReadOnlyList<VpcLatticeConfiguration>? VpcLatticeConfigurations { get; init; }
}
