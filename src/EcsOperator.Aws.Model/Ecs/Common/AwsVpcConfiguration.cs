using System.ComponentModel.DataAnnotations;

namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// An object representing the networking details for a task or service. For example
/// awsVpcConfiguration={subnets=["subnet-12344321"],securityGroups=["sg-12344321"]}.
/// </summary>
public sealed record AwsVpcConfiguration
{
    /// <summary>
    /// The IDs of the subnets associated with the task or service. There's a limit of 16 subnets that can be
    /// specified.
    /// </summary>
    [Required]
    [SetList]
    public IReadOnlyList<string>? Subnets { get; init; }

    /// <summary>
    /// The IDs of the security groups associated with the task or service. If you don't specify a security group,
    /// the default security group for the VPC is used.
    /// </summary>
    [SetList]
    public IReadOnlyList<string>? SecurityGroups { get; init; }

    /// <summary>
    /// Whether the task's elastic network interface receives a public IP address. Consider the following when you
    /// set this value: When you use create-service or update-service, the default is DISABLED. When the service
    /// deploymentController is ECS, the value must be DISABLED.
    /// </summary>
    [AllowedValues("ENABLED", "DISABLED")]
    public string? AssignPublicIp { get; init; }
}
