using System.ComponentModel.DataAnnotations;
using EcsOperator.Api.Crds;
using EcsOperator.Aws.Model;
using EcsOperator.Aws.Model.Ecs;

namespace EcsOperator.Api.TaskDefinitions;

/// <summary>
/// The content of a task-definition revision: every RegisterTaskDefinition parameter under its ECS name. Used as
/// EcsTaskDefinition.spec (plus our policies) and as EcsService.spec.taskDefinitionTemplate.
/// </summary>
[CelRule(FargateRequiresAwsvpc, "requiresCompatibilities FARGATE needs networkMode: awsvpc")]
[CelRule(FargateRequiresTaskSize, "requiresCompatibilities FARGATE needs task-level cpu and memory")]
[CelRule(FargateTaskSizes,
    "Fargate cpu/memory pair not supported: cpu 256 takes memory 512, 1024 or 2048; 512 takes 1024-4096; 1024 takes 2048-8192; " +
    "2048 takes 4096-16384 (steps of 1024); 4096 takes 8192-30720 (steps of 1024); 8192 takes 16384-61440 (steps of 4096); " +
    "16384 takes 32768-122880 (steps of 8192)")]
public record TaskDefinitionTemplate
{
    internal const string IsFargate = "has(self.requiresCompatibilities) && 'FARGATE' in self.requiresCompatibilities";

    internal const string FargateRequiresAwsvpc =
        "!(" + IsFargate + ") || (has(self.networkMode) && self.networkMode == 'awsvpc')";

    internal const string FargateRequiresTaskSize = "!(" + IsFargate + ") || (has(self.cpu) && has(self.memory))";

    // Only the integer forms (CPU units, MiB) are checked here; "1 vCPU" / "2 GB" forms are left to the operator.
    internal const string FargateTaskSizes =
        "!(" + IsFargate + " && has(self.cpu) && has(self.memory) && self.cpu.matches('^[0-9]+$') && self.memory.matches('^[0-9]+$'))"
        + " || (self.cpu == '256' && self.memory in ['512', '1024', '2048'])"
        + " || (self.cpu == '512' && int(self.memory) >= 1024 && int(self.memory) <= 4096 && int(self.memory) % 1024 == 0)"
        + " || (self.cpu == '1024' && int(self.memory) >= 2048 && int(self.memory) <= 8192 && int(self.memory) % 1024 == 0)"
        + " || (self.cpu == '2048' && int(self.memory) >= 4096 && int(self.memory) <= 16384 && int(self.memory) % 1024 == 0)"
        + " || (self.cpu == '4096' && int(self.memory) >= 8192 && int(self.memory) <= 30720 && int(self.memory) % 1024 == 0)"
        + " || (self.cpu == '8192' && int(self.memory) >= 16384 && int(self.memory) <= 61440 && int(self.memory) % 4096 == 0)"
        + " || (self.cpu == '16384' && int(self.memory) >= 32768 && int(self.memory) <= 122880 && int(self.memory) % 8192 == 0)";

    /// <summary>
    /// The task-definition family (up to 255 letters, numbers, hyphens and underscores). Defaults to
    /// &lt;namespace&gt;-&lt;name&gt; of the owning object. Changing it starts a new family.
    /// </summary>
    [SchemaLength(1, 255)]
    [RegularExpression("^[a-zA-Z0-9_-]+$")]
    public string? Family { get; init; }

    /// <summary>
    /// The short name or full ARN of the IAM role that containers in this task can assume.
    /// </summary>
    [SchemaMaxLength(2048)]
    public string? TaskRoleArn { get; init; }

    /// <summary>
    /// The ARN of the task execution role that grants the ECS container agent permission to make AWS API calls on
    /// your behalf (pull images from ECR, write logs, read secrets).
    /// </summary>
    [SchemaMaxLength(2048)]
    public string? ExecutionRoleArn { get; init; }

    /// <summary>
    /// The Docker networking mode of the task's containers: none, bridge, awsvpc or host. ECS defaults to bridge on
    /// Linux EC2 instances; Fargate requires awsvpc.
    /// </summary>
    [AllowedValues("bridge", "host", "awsvpc", "none")]
    [SchemaMaxLength(16)]
    public string? NetworkMode { get; init; }

    /// <summary>
    /// The containers that make up the task (1 to 10), identified by name.
    /// </summary>
    [Required]
    [SchemaLength(1, 10)]
    [ListKey("name")]
    public required IReadOnlyList<ContainerDefinition> ContainerDefinitions { get; init; }

    /// <summary>
    /// The data volumes the task's containers can mount, identified by name.
    /// </summary>
    [ListKey("name")]
    public IReadOnlyList<Volume>? Volumes { get; init; }

    /// <summary>
    /// Placement constraint objects for the task (at most 10). Not supported on Fargate.
    /// </summary>
    [SchemaMaxLength(10)]
    public IReadOnlyList<TaskDefinitionPlacementConstraint>? PlacementConstraints { get; init; }

    /// <summary>
    /// The launch types the task definition is validated against: EC2, FARGATE, EXTERNAL, MANAGED_INSTANCES.
    /// </summary>
    [AllowedValues("EC2", "FARGATE", "EXTERNAL", "MANAGED_INSTANCES")]
    [SchemaMaxLength(4)]
    [SetList]
    public IReadOnlyList<string>? RequiresCompatibilities { get; init; }

    /// <summary>
    /// The task's CPU units as a string, e.g. "256", "1024" (or "1 vCPU"). Required on Fargate, where it must pair
    /// with a supported memory value.
    /// </summary>
    [SchemaMaxLength(16)]
    public string? Cpu { get; init; }

    /// <summary>
    /// The task's memory in MiB as a string, e.g. "512", "2048" (or "2 GB"). Required on Fargate.
    /// </summary>
    [SchemaMaxLength(16)]
    public string? Memory { get; init; }

    /// <summary>
    /// Tags for the task definition (at most 50, identified by key). The operator adds its ownership tags.
    /// </summary>
    [SchemaMaxLength(50)]
    [ListKey("key")]
    public IReadOnlyList<Tag>? Tags { get; init; }

    /// <summary>
    /// The process namespace of the task's containers: host or task. Omitted means a private namespace per container.
    /// </summary>
    [AllowedValues("host", "task")]
    public string? PidMode { get; init; }

    /// <summary>
    /// The IPC resource namespace of the task's containers: host, task or none. Not supported on Fargate.
    /// </summary>
    [AllowedValues("host", "task", "none")]
    public string? IpcMode { get; init; }

    /// <summary>
    /// The App Mesh proxy configuration.
    /// </summary>
    public ProxyConfiguration? ProxyConfiguration { get; init; }

    /// <summary>
    /// Deprecated by AWS (Elastic Inference is no longer available): the inference accelerators for the task's containers.
    /// </summary>
    [ListKey("deviceName")]
    public IReadOnlyList<InferenceAccelerator>? InferenceAccelerators { get; init; }

    /// <summary>
    /// The amount of ephemeral storage for the task on Fargate (21 to 200 GiB; 20 GiB when omitted).
    /// </summary>
    public EphemeralStorage? EphemeralStorage { get; init; }

    /// <summary>
    /// The operating system family and CPU architecture the task runs on (required for Windows and ARM64 on Fargate).
    /// </summary>
    public RuntimePlatform? RuntimePlatform { get; init; }

    /// <summary>
    /// Enables fault injection requests from the task's containers. ECS defaults to false.
    /// </summary>
    public bool? EnableFaultInjection { get; init; }
}
