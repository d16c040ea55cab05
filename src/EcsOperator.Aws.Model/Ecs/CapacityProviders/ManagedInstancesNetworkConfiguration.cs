namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// The network configuration for Amazon ECS Managed Instances. This specifies the VPC subnets and security groups that
/// instances use for network connectivity.
/// </summary>
public sealed record ManagedInstancesNetworkConfiguration
{
    /// <summary>
    /// The list of subnet IDs where Amazon ECS can launch Amazon ECS Managed Instances. Instances are distributed
    /// across the specified subnets for high availability. All subnets must be in the same VPC.
    /// </summary>
    public IReadOnlyList<string>? Subnets { get; init; }

    /// <summary>
    /// The list of security group IDs to apply to Amazon ECS Managed Instances. These security groups control the
    /// network traffic allowed to and from the instances.
    /// </summary>
    public IReadOnlyList<string>? SecurityGroups { get; init; }
}
