using System.Text.Json.Serialization;

namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// The details of a task definition which describes the container and volume definitions of an Amazon Elastic
/// Container Service task.
/// </summary>
public sealed record TaskDefinition
{
    public string? TaskDefinitionArn { get; init; }

    public IReadOnlyList<ContainerDefinition>? ContainerDefinitions { get; init; }

    public string? Family { get; init; }

    public string? TaskRoleArn { get; init; }

    public string? ExecutionRoleArn { get; init; }

    public string? NetworkMode { get; init; }

    public int? Revision { get; init; }

    public IReadOnlyList<Volume>? Volumes { get; init; }

    public string? Status { get; init; }

    public IReadOnlyList<EcsAttribute>? RequiresAttributes { get; init; }

    public IReadOnlyList<TaskDefinitionPlacementConstraint>? PlacementConstraints { get; init; }

    public IReadOnlyList<string>? Compatibilities { get; init; }

    public RuntimePlatform? RuntimePlatform { get; init; }

    public IReadOnlyList<string>? RequiresCompatibilities { get; init; }

    [JsonConverter(typeof(NumericStringConverter))]
    public string? Cpu { get; init; }

    [JsonConverter(typeof(NumericStringConverter))]
    public string? Memory { get; init; }

    public IReadOnlyList<InferenceAccelerator>? InferenceAccelerators { get; init; }

    public string? PidMode { get; init; }

    public string? IpcMode { get; init; }

    public ProxyConfiguration? ProxyConfiguration { get; init; }

    public DateTimeOffset? RegisteredAt { get; init; }

    public DateTimeOffset? DeregisteredAt { get; init; }

    public DateTimeOffset? DeleteRequestedAt { get; init; }

    public string? RegisteredBy { get; init; }

    public EphemeralStorage? EphemeralStorage { get; init; }

    public bool? EnableFaultInjection { get; init; }
}
