using System.ComponentModel.DataAnnotations;

namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// The request of the <c>CreateService</c> operation. Runs and maintains your desired number of tasks from a
/// specified task definition.
/// </summary>
public sealed record CreateServiceRequest
{
    /// <summary>
    /// The short name or full Amazon Resource Name (ARN) of the cluster that you run your service on. If you do not
    /// specify a cluster, the default cluster is assumed.
    /// </summary>
    public string? Cluster { get; init; }

    /// <summary>
    /// The name of your service. Up to 255 letters (uppercase and lowercase), numbers, underscores, and hyphens are
    /// allowed.
    /// </summary>
    [Required]
    public string? ServiceName { get; init; }

    /// <summary>
    /// The family and revision (family:revision) or full ARN of the task definition to run in your service.
    /// </summary>
    public string? TaskDefinition { get; init; }

    /// <summary>
    /// Indicates whether to use Availability Zone rebalancing for the service.
    /// </summary>
    [AllowedValues("ENABLED", "DISABLED")]
    public string? AvailabilityZoneRebalancing { get; init; }

    /// <summary>
    /// A load balancer object representing the load balancers to use with your service.
    /// </summary>
    public IReadOnlyList<LoadBalancer>? LoadBalancers { get; init; }

    /// <summary>
    /// The details of the service discovery registry to associate with this service. For more information, see
    /// Service discovery . Each service may be associated with one service registry.
    /// </summary>
    public IReadOnlyList<ServiceRegistry>? ServiceRegistries { get; init; }

    /// <summary>
    /// The number of instantiations of the specified task definition to place and keep running in your service.
    /// </summary>
    public int? DesiredCount { get; init; }

    /// <summary>
    /// An identifier that you provide to ensure the idempotency of the request. It must be unique and is case
    /// sensitive.
    /// </summary>
    public string? ClientToken { get; init; }

    /// <summary>
    /// The infrastructure that you run your service on. For more information, see Amazon ECS launch types in the
    /// Amazon Elastic Container Service Developer Guide . If you want to use Amazon ECS Managed Instances, you must
    /// use the capacityProviderStrategy request parameter and omit the launchType request parameter.
    /// </summary>
    [AllowedValues("EC2", "FARGATE", "EXTERNAL", "MANAGED_INSTANCES")]
    public string? LaunchType { get; init; }

    /// <summary>
    /// The capacity provider strategy to use for the service. If you want to use Amazon ECS Managed Instances, you
    /// must use the capacityProviderStrategy request parameter and omit the launchType request parameter. If no
    /// capacityProviderStrategy or launchType is specified, the defaultCapacityProviderStrategy for the cluster is
    /// used.
    /// </summary>
    [ListKey("capacityProvider")]
    public IReadOnlyList<CapacityProviderStrategyItem>? CapacityProviderStrategy { get; init; }

    /// <summary>
    /// The platform version that your tasks in the service are running on. A platform version is specified only for
    /// tasks using the Fargate launch type.
    /// </summary>
    public string? PlatformVersion { get; init; }

    /// <summary>
    /// The name or full Amazon Resource Name (ARN) of the IAM role that allows Amazon ECS to make calls to your
    /// load balancer on your behalf.
    /// </summary>
    public string? Role { get; init; }

    /// <summary>
    /// Optional deployment parameters that control how many tasks run during the deployment and the ordering of
    /// stopping and starting tasks.
    /// </summary>
    public DeploymentConfiguration? DeploymentConfiguration { get; init; }

    /// <summary>
    /// An array of placement constraint objects to use for tasks in your service. You can specify a maximum of 10
    /// constraints for each task.
    /// </summary>
    public IReadOnlyList<PlacementConstraint>? PlacementConstraints { get; init; }

    /// <summary>
    /// The placement strategy objects to use for tasks in your service. You can specify a maximum of 5 strategy
    /// rules for each service.
    /// </summary>
    public IReadOnlyList<PlacementStrategy>? PlacementStrategy { get; init; }

    /// <summary>
    /// The network configuration for the service. This parameter is required for task definitions that use the
    /// awsvpc network mode to receive their own elastic network interface, and it isn't supported for other network
    /// modes.
    /// </summary>
    public NetworkConfiguration? NetworkConfiguration { get; init; }

    /// <summary>
    /// The period of time, in seconds, that the Amazon ECS service scheduler ignores unhealthy Elastic Load
    /// Balancing, VPC Lattice, and container health checks after a task has first started. If you do not specify a
    /// health check grace period value, the default value of 0 is used.
    /// </summary>
    public int? HealthCheckGracePeriodSeconds { get; init; }

    /// <summary>
    /// The scheduling strategy to use for the service. For more information, see Services . There are two service
    /// scheduler strategies available: REPLICA-The replica scheduling strategy places and maintains the desired
    /// number of tasks across your cluster. By default, the service scheduler spreads tasks across Availability
    /// Zones.
    /// </summary>
    [AllowedValues("REPLICA", "DAEMON")]
    public string? SchedulingStrategy { get; init; }

    /// <summary>
    /// The deployment controller to use for the service. If no deployment controller is specified, the default
    /// value of ECS is used.
    /// </summary>
    public DeploymentController? DeploymentController { get; init; }

    /// <summary>
    /// The metadata that you apply to the service to help you categorize and organize them. Each tag consists of a
    /// key and an optional value, both of which you define.
    /// </summary>
    [Length(0, 50)]
    [ListKey("key")]
    public IReadOnlyList<Tag>? Tags { get; init; }

    /// <summary>
    /// Specifies whether to turn on Amazon ECS managed tags for the tasks within the service. For more information,
    /// see Tagging your Amazon ECS resources in the Amazon Elastic Container Service Developer Guide . When you use
    /// Amazon ECS managed tags, you must set the propagateTags request parameter.
    /// </summary>
    public bool? EnableECSManagedTags { get; init; }

    /// <summary>
    /// Specifies whether to propagate the tags from the task definition to the task. If no value is specified, the
    /// tags aren't propagated. For more information, see Amazon ECS usage reports in the Amazon Elastic Container
    /// Service Developer Guide . The default is NONE.
    /// </summary>
    [AllowedValues("TASK_DEFINITION", "SERVICE", "NONE")]
    public string? PropagateTags { get; init; }

    /// <summary>
    /// Determines whether the execute command functionality is turned on for the service. If true, this enables
    /// execute command functionality on all containers in the service tasks.
    /// </summary>
    public bool? EnableExecuteCommand { get; init; }

    /// <summary>
    /// The configuration for this service to discover and connect to services, and be discovered by, and connected
    /// from, other services within a namespace.
    /// </summary>
    public ServiceConnectConfiguration? ServiceConnectConfiguration { get; init; }

    /// <summary>
    /// The configuration for a volume specified in the task definition as a volume that is configured at launch
    /// time.
    /// </summary>
    [ListKey("name")]
    public IReadOnlyList<ServiceVolumeConfiguration>? VolumeConfigurations { get; init; }

    /// <summary>
    /// The VPC Lattice configuration for the service being created.
    /// </summary>
    public IReadOnlyList<VpcLatticeConfiguration>? VpcLatticeConfigurations { get; init; }
}
