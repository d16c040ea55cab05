using System.ComponentModel.DataAnnotations;

namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// The request of the <c>RegisterTaskDefinition</c> operation. Registers a new task definition from the supplied
/// family and containerDefinitions. Optionally, you can add data volumes to your containers with the volumes
/// parameter.
/// </summary>
public sealed record RegisterTaskDefinitionRequest
{
    /// <summary>
    /// You must specify a family for a task definition. You can use it track multiple versions of the same task
    /// definition.
    /// </summary>
    [Required]
    public string? Family { get; init; }

    /// <summary>
    /// The short name or full Amazon Resource Name (ARN) of the IAM role that containers in this task can assume.
    /// </summary>
    public string? TaskRoleArn { get; init; }

    /// <summary>
    /// The Amazon Resource Name (ARN) of the task execution role that grants the Amazon ECS container agent
    /// permission to make Amazon Web Services API calls on your behalf.
    /// </summary>
    public string? ExecutionRoleArn { get; init; }

    /// <summary>
    /// The Docker networking mode to use for the containers in the task. The valid values are none, bridge, awsvpc,
    /// and host. If no network mode is specified, the default is bridge.
    /// </summary>
    [AllowedValues("bridge", "host", "awsvpc", "none")]
    public string? NetworkMode { get; init; }

    /// <summary>
    /// A list of container definitions in JSON format that describe the different containers that make up your
    /// task.
    /// </summary>
    [Required]
    [ListKey("name")]
    public IReadOnlyList<ContainerDefinition>? ContainerDefinitions { get; init; }

    /// <summary>
    /// A list of volume definitions in JSON format that containers in your task might use.
    /// </summary>
    [ListKey("name")]
    public IReadOnlyList<Volume>? Volumes { get; init; }

    /// <summary>
    /// An array of placement constraint objects to use for the task. You can specify a maximum of 10 constraints
    /// for each task.
    /// </summary>
    public IReadOnlyList<TaskDefinitionPlacementConstraint>? PlacementConstraints { get; init; }

    /// <summary>
    /// The task launch type that Amazon ECS validates the task definition against. A client exception is returned
    /// if the task definition doesn't validate against the compatibilities specified.
    /// </summary>
    [AllowedValues("EC2", "FARGATE", "EXTERNAL", "MANAGED_INSTANCES")]
    [SetList]
    public IReadOnlyList<string>? RequiresCompatibilities { get; init; }

    /// <summary>
    /// The number of CPU units used by the task. It can be expressed as an integer using CPU units (for example,
    /// 1024) or as a string using vCPUs (for example, 1 vCPU or 1 vcpu) in a task definition.
    /// </summary>
    public string? Cpu { get; init; }

    /// <summary>
    /// The amount of memory (in MiB) used by the task. It can be expressed as an integer using MiB (for example
    /// ,1024) or as a string using GB (for example, 1GB or 1 GB) in a task definition.
    /// </summary>
    public string? Memory { get; init; }

    /// <summary>
    /// The metadata that you apply to the task definition to help you categorize and organize them.
    /// </summary>
    [Length(0, 50)]
    [ListKey("key")]
    public IReadOnlyList<Tag>? Tags { get; init; }

    /// <summary>
    /// The process namespace to use for the containers in the task. The valid values are host or task. If no value
    /// is specified, the The default is a private namespace for each container.
    /// </summary>
    [AllowedValues("host", "task")]
    public string? PidMode { get; init; }

    /// <summary>
    /// The IPC resource namespace to use for the containers in the task. The valid values are host, task, or none.
    /// </summary>
    [AllowedValues("host", "task", "none")]
    public string? IpcMode { get; init; }

    /// <summary>
    /// The configuration details for the App Mesh proxy. For tasks hosted on Amazon EC2 instances, the container
    /// instances require at least version 1.26.0 of the container agent and at least version 1.26.0-1 of the
    /// ecs-init package to use a proxy configuration.
    /// </summary>
    public ProxyConfiguration? ProxyConfiguration { get; init; }

    /// <summary>
    /// Deprecated: This feature is no longer available. The Elastic Inference accelerators to use for the
    /// containers in the task.
    /// </summary>
    public IReadOnlyList<InferenceAccelerator>? InferenceAccelerators { get; init; }

    /// <summary>
    /// The amount of ephemeral storage to allocate for the task. This parameter is used to expand the total amount
    /// of ephemeral storage available, beyond the default amount, for tasks hosted on Fargate.
    /// </summary>
    public EphemeralStorage? EphemeralStorage { get; init; }

    /// <summary>
    /// The operating system that your tasks definitions run on.
    /// </summary>
    public RuntimePlatform? RuntimePlatform { get; init; }

    /// <summary>
    /// Enables fault injection when you register your task definition and allows for fault injection requests to be
    /// accepted from the task's containers. The default value is false.
    /// </summary>
    public bool? EnableFaultInjection { get; init; }
}
