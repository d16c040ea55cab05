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
    /// The family name; each registration adds a revision to it. Up to 255 letters, numbers, hyphens and
    /// underscores.
    /// </summary>
    [Required]
    public string? Family { get; init; }

    /// <summary>
    /// The IAM role the containers of the task assume for their own AWS calls.
    /// </summary>
    public string? TaskRoleArn { get; init; }

    /// <summary>
    /// The IAM role the ECS agent uses on behalf of the task: pulling private images, writing awslogs, reading
    /// secrets.
    /// </summary>
    public string? ExecutionRoleArn { get; init; }

    /// <summary>
    /// The Docker network mode of the task: awsvpc (own network interface; required on Fargate), bridge, host or
    /// none. ECS defaults to bridge on EC2 Linux.
    /// </summary>
    [AllowedValues("bridge", "host", "awsvpc", "none")]
    public string? NetworkMode { get; init; }

    /// <summary>
    /// The containers of the task, identified by name (at most 10 per task definition).
    /// </summary>
    [Required]
    [ListKey("name")]
    public IReadOnlyList<ContainerDefinition>? ContainerDefinitions { get; init; }

    /// <summary>
    /// Volumes the containers can mount, identified by name.
    /// </summary>
    [ListKey("name")]
    public IReadOnlyList<Volume>? Volumes { get; init; }

    /// <summary>
    /// An array of placement constraint objects to use for the task. You can specify a maximum of 10 constraints
    /// for each task.
    /// </summary>
    public IReadOnlyList<TaskDefinitionPlacementConstraint>? PlacementConstraints { get; init; }

    /// <summary>
    /// The launch types ECS validates the task definition against (EC2, FARGATE, EXTERNAL, MANAGED_INSTANCES).
    /// </summary>
    [AllowedValues("EC2", "FARGATE", "EXTERNAL", "MANAGED_INSTANCES")]
    [SetList]
    public IReadOnlyList<string>? RequiresCompatibilities { get; init; }

    /// <summary>
    /// The task CPU as CPU units ("1024") or vCPUs ("1 vCPU"). Required on Fargate, where it must pair with memory
    /// (for example 256 with 512-2048 MiB).
    /// </summary>
    public string? Cpu { get; init; }

    /// <summary>
    /// The task memory as MiB ("2048") or GB ("2 GB"). Required on Fargate, where it must pair with cpu.
    /// </summary>
    public string? Memory { get; init; }

    /// <summary>
    /// Tags for the task definition revision, identified by key (at most 50).
    /// </summary>
    [SchemaLength(0, 50)]
    [ListKey("key")]
    public IReadOnlyList<Tag>? Tags { get; init; }

    /// <summary>
    /// The process namespace for the containers: host or task. By default each container gets its own.
    /// </summary>
    [AllowedValues("host", "task")]
    public string? PidMode { get; init; }

    /// <summary>
    /// The IPC namespace for the containers: host, task or none. Not supported on Fargate.
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
    /// Extra ephemeral storage for Fargate tasks (21 to 200 GiB; the default is 20 GiB).
    /// </summary>
    public EphemeralStorage? EphemeralStorage { get; init; }

    /// <summary>
    /// The operating system family and CPU architecture the task runs on; required for Windows and ARM64 on
    /// Fargate.
    /// </summary>
    public RuntimePlatform? RuntimePlatform { get; init; }

    /// <summary>
    /// Enables fault injection when you register your task definition and allows for fault injection requests to be
    /// accepted from the task's containers. The default value is false.
    /// </summary>
    public bool? EnableFaultInjection { get; init; }
}
