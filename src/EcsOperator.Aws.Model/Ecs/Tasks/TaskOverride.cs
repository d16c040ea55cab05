namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// The overrides that are associated with a task.
/// </summary>
public sealed record TaskOverride
{
    /// <summary>
    /// One or more container overrides that are sent to a task.
    /// </summary>
    [ListKey("name")]
    public IReadOnlyList<ContainerOverride>? ContainerOverrides { get; init; }

    /// <summary>
    /// The CPU override for the task.
    /// </summary>
    public string? Cpu { get; init; }

    /// <summary>
    /// The Elastic Inference accelerator override for the task.
    /// </summary>
    public IReadOnlyList<InferenceAcceleratorOverride>? InferenceAcceleratorOverrides { get; init; }

    /// <summary>
    /// The Amazon Resource Name (ARN) of the task execution role override for the task. For more information, see
    /// Amazon ECS task execution IAM role in the Amazon Elastic Container Service Developer Guide .
    /// </summary>
    public string? ExecutionRoleArn { get; init; }

    /// <summary>
    /// The memory override for the task.
    /// </summary>
    public string? Memory { get; init; }

    /// <summary>
    /// The Amazon Resource Name (ARN) of the role that containers in this task can assume. All containers in this
    /// task are granted the permissions that are specified in this role.
    /// </summary>
    public string? TaskRoleArn { get; init; }

    /// <summary>
    /// The ephemeral storage setting override for the task. This parameter is only supported for tasks hosted on
    /// Fargate that use the following platform versions: Linux platform version 1.4.0 or later.
    /// </summary>
    public EphemeralStorage? EphemeralStorage { get; init; }
}
