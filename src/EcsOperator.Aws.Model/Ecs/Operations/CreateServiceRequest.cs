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
    /// The service name, unique within the cluster: up to 255 letters, numbers, hyphens and underscores. It cannot
    /// be changed.
    /// </summary>
    [Required]
    public string? ServiceName { get; init; }

    /// <summary>
    /// The family and revision (family:revision) or full ARN of the task definition to run in your service.
    /// </summary>
    public string? TaskDefinition { get; init; }

    /// <summary>
    /// Whether ECS moves tasks to rebalance them across Availability Zones. ENABLED by default for new services.
    /// </summary>
    [AllowedValues("ENABLED", "DISABLED")]
    public string? AvailabilityZoneRebalancing { get; init; }

    /// <summary>
    /// Load balancer target groups the tasks are registered with, each naming the container and port that receive
    /// traffic.
    /// </summary>
    public IReadOnlyList<LoadBalancer>? LoadBalancers { get; init; }

    /// <summary>
    /// Cloud Map service discovery registries for the service (at most one).
    /// </summary>
    public IReadOnlyList<ServiceRegistry>? ServiceRegistries { get; init; }

    /// <summary>
    /// How many copies of the task the service keeps running. Required for the REPLICA strategy with the ECS
    /// controller; ignored for DAEMON.
    /// </summary>
    public int? DesiredCount { get; init; }

    /// <summary>
    /// A unique, case-sensitive token (up to 36 ASCII characters) that makes a retried create idempotent.
    /// </summary>
    public string? ClientToken { get; init; }

    /// <summary>
    /// Where the tasks run: FARGATE, EC2, EXTERNAL or MANAGED_INSTANCES. Mutually exclusive with
    /// capacityProviderStrategy; neither means the cluster default strategy.
    /// </summary>
    [AllowedValues("EC2", "FARGATE", "EXTERNAL", "MANAGED_INSTANCES")]
    public string? LaunchType { get; init; }

    /// <summary>
    /// Capacity providers the tasks are spread over, identified by capacityProvider. Mutually exclusive with
    /// launchType; neither means the cluster default strategy.
    /// </summary>
    [ListKey("capacityProvider")]
    public IReadOnlyList<CapacityProviderStrategyItem>? CapacityProviderStrategy { get; init; }

    /// <summary>
    /// The Fargate platform version (for example 1.4.0); LATEST by default. Only for Fargate.
    /// </summary>
    public string? PlatformVersion { get; init; }

    /// <summary>
    /// The IAM role that lets ECS register tasks with a classic load balancer; not needed with the service-linked
    /// role or awsvpc.
    /// </summary>
    public string? Role { get; init; }

    /// <summary>
    /// Optional deployment parameters that control how many tasks run during the deployment and the ordering of
    /// stopping and starting tasks.
    /// </summary>
    public DeploymentConfiguration? DeploymentConfiguration { get; init; }

    /// <summary>
    /// Rules limiting which container instances tasks are placed on (at most 10). Not for Fargate.
    /// </summary>
    public IReadOnlyList<PlacementConstraint>? PlacementConstraints { get; init; }

    /// <summary>
    /// How tasks are spread or packed over container instances, applied in order (at most 5). Not for Fargate.
    /// </summary>
    public IReadOnlyList<PlacementStrategy>? PlacementStrategy { get; init; }

    /// <summary>
    /// Subnets, security groups and public IP setting for tasks using the awsvpc network mode (required for it,
    /// rejected otherwise).
    /// </summary>
    public NetworkConfiguration? NetworkConfiguration { get; init; }

    /// <summary>
    /// The period of time, in seconds, that the Amazon ECS service scheduler ignores unhealthy Elastic Load
    /// Balancing, VPC Lattice, and container health checks after a task has first started. If you do not specify a
    /// health check grace period value, the default value of 0 is used.
    /// </summary>
    public int? HealthCheckGracePeriodSeconds { get; init; }

    /// <summary>
    /// REPLICA keeps desiredCount tasks spread across zones (the default); DAEMON runs one task per container
    /// instance (EC2 only).
    /// </summary>
    [AllowedValues("REPLICA", "DAEMON")]
    public string? SchedulingStrategy { get; init; }

    /// <summary>
    /// The deployment controller to use for the service. If no deployment controller is specified, the default
    /// value of ECS is used.
    /// </summary>
    public DeploymentController? DeploymentController { get; init; }

    /// <summary>
    /// Tags for the service, identified by key (at most 50).
    /// </summary>
    [SchemaLength(0, 50)]
    [ListKey("key")]
    public IReadOnlyList<Tag>? Tags { get; init; }

    /// <summary>
    /// Whether ECS adds its managed tags (cluster and service name) to the tasks of the service. Defaults to false.
    /// </summary>
    public bool? EnableECSManagedTags { get; init; }

    /// <summary>
    /// Copies tags from the task definition or the service to the tasks it launches. The default is NONE.
    /// </summary>
    [AllowedValues("TASK_DEFINITION", "SERVICE", "NONE")]
    public string? PropagateTags { get; init; }

    /// <summary>
    /// Whether ECS Exec (interactive commands into running containers) is turned on for the tasks. Defaults to
    /// false.
    /// </summary>
    public bool? EnableExecuteCommand { get; init; }

    /// <summary>
    /// The configuration for this service to discover and connect to services, and be discovered by, and connected
    /// from, other services within a namespace.
    /// </summary>
    public ServiceConnectConfiguration? ServiceConnectConfiguration { get; init; }

    /// <summary>
    /// Per-service settings for task definition volumes marked configuredAtLaunch (today: ECS-managed EBS volumes),
    /// identified by name.
    /// </summary>
    [ListKey("name")]
    public IReadOnlyList<ServiceVolumeConfiguration>? VolumeConfigurations { get; init; }

    /// <summary>
    /// The VPC Lattice configuration for the service being created.
    /// </summary>
    public IReadOnlyList<VpcLatticeConfiguration>? VpcLatticeConfigurations { get; init; }
}
