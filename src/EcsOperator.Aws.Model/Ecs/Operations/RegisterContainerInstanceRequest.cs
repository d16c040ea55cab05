namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// The request of the <c>RegisterContainerInstance</c> operation (normally sent by the ECS agent): registers an EC2
/// instance with its resources and attributes into a cluster.
/// </summary>
public sealed record RegisterContainerInstanceRequest
{
    public string? Cluster { get; init; }

    /// <summary>The instance identity document of the EC2 instance (JSON: instanceId, availabilityZone, instanceType, ...).</summary>
    public string? InstanceIdentityDocument { get; init; }

    public string? InstanceIdentityDocumentSignature { get; init; }

    /// <summary>CPU and MEMORY (INTEGER), PORTS and PORTS_UDP (STRINGSET of reserved ports).</summary>
    public IReadOnlyList<ContainerInstanceResource>? TotalResources { get; init; }

    public VersionInfo? VersionInfo { get; init; }

    /// <summary>The ARN of an instance registered before, to update it instead of registering a new one.</summary>
    public string? ContainerInstanceArn { get; init; }

    public IReadOnlyList<EcsAttribute>? Attributes { get; init; }

    public IReadOnlyList<Tag>? Tags { get; init; }
}
