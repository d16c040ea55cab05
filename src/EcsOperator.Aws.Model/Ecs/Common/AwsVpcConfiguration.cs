using System.ComponentModel.DataAnnotations;

namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// An object representing the networking details for a task or service. For example
/// awsVpcConfiguration={subnets=["subnet-12344321"],securityGroups=["sg-12344321"]}.
/// </summary>
public sealed record AwsVpcConfiguration
{
    /// <summary>
    /// The subnets the task network interfaces go into (at most 16, all in one VPC).
    /// </summary>
    [Required]
    [SetList]
    public IReadOnlyList<string>? Subnets { get; init; }

    /// <summary>
    /// Security groups of the task network interfaces (at most 5); without any, the VPC default security group is
    /// used.
    /// </summary>
    [SetList]
    public IReadOnlyList<string>? SecurityGroups { get; init; }

    /// <summary>
    /// Whether the task network interface gets a public IP (Fargate tasks in public subnets need one to pull images
    /// without a NAT). The default is DISABLED.
    /// </summary>
    [AllowedValues("ENABLED", "DISABLED")]
    public string? AssignPublicIp { get; init; }
}
