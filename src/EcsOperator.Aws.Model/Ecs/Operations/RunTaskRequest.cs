using System.ComponentModel.DataAnnotations;

namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// The request of the <c>RunTask</c> operation. Starts a new task using the specified task definition. On March 21,
/// 2024, a change was made to resolve the task definition revision before authorization.
/// </summary>
public sealed record RunTaskRequest
{
    /// <summary>
    /// The capacity provider strategy to use for the task. If you want to use Amazon ECS Managed Instances, you
    /// must use the capacityProviderStrategy request parameter and omit the launchType request parameter. If no
    /// capacityProviderStrategy or launchType is specified, the defaultCapacityProviderStrategy for the cluster is
    /// used.
    /// </summary>
    [ListKey("capacityProvider")]
    public IReadOnlyList<CapacityProviderStrategyItem>? CapacityProviderStrategy { get; init; }

    /// <summary>
    /// The short name or full Amazon Resource Name (ARN) of the cluster to run your task on. If you do not specify
    /// a cluster, the default cluster is assumed. Each account receives a default cluster the first time you use
    /// the service, but you may also create other clusters.
    /// </summary>
    public string? Cluster { get; init; }

    /// <summary>
    /// The number of instantiations of the specified task to place on your cluster. You can specify up to 10 tasks
    /// for each call.
    /// </summary>
    public int? Count { get; init; }

    /// <summary>
    /// Specifies whether to use Amazon ECS managed tags for the task. For more information, see Tagging Your Amazon
    /// ECS Resources in the Amazon Elastic Container Service Developer Guide .
    /// </summary>
    public bool? EnableECSManagedTags { get; init; }

    /// <summary>
    /// Determines whether to use the execute command functionality for the containers in this task.
    /// </summary>
    public bool? EnableExecuteCommand { get; init; }

    /// <summary>
    /// The name of the task group to associate with the task. The default value is the family name of the task
    /// definition (for example, family:my-family-name).
    /// </summary>
    public string? Group { get; init; }

    /// <summary>
    /// The infrastructure to run your standalone task on. For more information, see Amazon ECS launch types in the
    /// Amazon Elastic Container Service Developer Guide . If you want to use Amazon ECS Managed Instances, you must
    /// use the capacityProviderStrategy request parameter and omit the launchType request parameter.
    /// </summary>
    [AllowedValues("EC2", "FARGATE", "EXTERNAL", "MANAGED_INSTANCES")]
    public string? LaunchType { get; init; }

    /// <summary>
    /// The network configuration for the task. This parameter is required for task definitions that use the awsvpc
    /// network mode to receive their own elastic network interface, and it isn't supported for other network modes.
    /// </summary>
    public NetworkConfiguration? NetworkConfiguration { get; init; }

    /// <summary>
    /// A list of container overrides in JSON format that specify the name of a container in the specified task
    /// definition and the overrides it should receive. You can override the default command for a container (that's
    /// specified in the task definition or Docker image) with a command override.
    /// </summary>
    public TaskOverride? Overrides { get; init; }

    /// <summary>
    /// An array of placement constraint objects to use for the task. You can specify up to 10 constraints for each
    /// task (including constraints in the task definition and those specified at runtime).
    /// </summary>
    public IReadOnlyList<PlacementConstraint>? PlacementConstraints { get; init; }

    /// <summary>
    /// The placement strategy objects to use for the task. You can specify a maximum of 5 strategy rules for each
    /// task.
    /// </summary>
    public IReadOnlyList<PlacementStrategy>? PlacementStrategy { get; init; }

    /// <summary>
    /// The platform version the task uses. A platform version is only specified for tasks hosted on Fargate.
    /// </summary>
    public string? PlatformVersion { get; init; }

    /// <summary>
    /// Specifies whether to propagate the tags from the task definition to the task. If no value is specified, the
    /// tags aren't propagated.
    /// </summary>
    [AllowedValues("TASK_DEFINITION", "SERVICE", "NONE")]
    public string? PropagateTags { get; init; }

    /// <summary>
    /// This parameter is only used by Amazon ECS. It is not intended for use by customers.
    /// </summary>
    public string? ReferenceId { get; init; }

    /// <summary>
    /// An optional tag specified when a task is started. For example, if you automatically trigger a task to run a
    /// batch process job, you could apply a unique identifier for that job to your task with the startedBy
    /// parameter.
    /// </summary>
    public string? StartedBy { get; init; }

    /// <summary>
    /// The metadata that you apply to the task to help you categorize and organize them. Each tag consists of a key
    /// and an optional value, both of which you define.
    /// </summary>
    [SchemaLength(0, 50)]
    [ListKey("key")]
    public IReadOnlyList<Tag>? Tags { get; init; }

    /// <summary>
    /// The family and revision (family:revision) or full ARN of the task definition to run. If a revision isn't
    /// specified, the latest ACTIVE revision is used.
    /// </summary>
    [Required]
    public string? TaskDefinition { get; init; }

    /// <summary>
    /// An identifier that you provide to ensure the idempotency of the request. It must be unique and is case
    /// sensitive.
    /// </summary>
    public string? ClientToken { get; init; }

    /// <summary>
    /// The details of the volume that was configuredAtLaunch. You can configure the size, volumeType, IOPS,
    /// throughput, snapshot and encryption in TaskManagedEBSVolumeConfiguration . The name of the volume must match
    /// the name from the task definition.
    /// </summary>
    [ListKey("name")]
    public IReadOnlyList<TaskVolumeConfiguration>? VolumeConfigurations { get; init; }
}
