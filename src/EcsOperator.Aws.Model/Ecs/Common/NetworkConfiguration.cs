namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// The network configuration for a task or service.
/// </summary>
public sealed record NetworkConfiguration
{
    /// <summary>
    /// The VPC subnets and security groups that are associated with a task. All specified subnets and security
    /// groups must be from the same VPC.
    /// </summary>
    public AwsVpcConfiguration? AwsvpcConfiguration { get; init; }
}
