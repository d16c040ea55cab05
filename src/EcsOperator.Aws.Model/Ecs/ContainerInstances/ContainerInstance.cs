namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// An EC2 instance running the ECS agent and registered to a cluster: what it registered, what its tasks left of
/// it, its attributes and task counts.
/// </summary>
public sealed record ContainerInstance
{
    public string? ContainerInstanceArn { get; init; }

    public string? Ec2InstanceId { get; init; }

    public string? CapacityProviderName { get; init; }

    /// <summary>Increases with every change of the instance's resources or tasks.</summary>
    public long? Version { get; init; }

    public VersionInfo? VersionInfo { get; init; }

    /// <summary>What is left after the tasks on the instance: CPU, MEMORY, and the ports in use (PORTS, PORTS_UDP).</summary>
    public IReadOnlyList<ContainerInstanceResource>? RemainingResources { get; init; }

    public IReadOnlyList<ContainerInstanceResource>? RegisteredResources { get; init; }

    /// <summary>ACTIVE, DRAINING, REGISTERING, DEREGISTERING, REGISTRATION_FAILED or INACTIVE (deregistered).</summary>
    public string? Status { get; init; }

    public string? StatusReason { get; init; }

    public bool? AgentConnected { get; init; }

    public int? RunningTasksCount { get; init; }

    public int? PendingTasksCount { get; init; }

    public string? AgentUpdateStatus { get; init; }

    public IReadOnlyList<EcsAttribute>? Attributes { get; init; }

    public DateTimeOffset? RegisteredAt { get; init; }

    public IReadOnlyList<Attachment>? Attachments { get; init; }

    public IReadOnlyList<Tag>? Tags { get; init; }
}
