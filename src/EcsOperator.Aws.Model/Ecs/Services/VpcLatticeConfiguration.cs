using System.ComponentModel.DataAnnotations;

namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// The VPC Lattice configuration for your service that holds the information for the target group(s) Amazon ECS
/// tasks will be registered to.
/// </summary>
public sealed record VpcLatticeConfiguration
{
    /// <summary>
    /// The ARN of the IAM role to associate with this VPC Lattice configuration. This is the Amazon ECS
    /// infrastructure IAM role that is used to manage your VPC Lattice infrastructure.
    /// </summary>
    [Required]
    public string? RoleArn { get; init; }

    /// <summary>
    /// The full Amazon Resource Name (ARN) of the target group or groups associated with the VPC Lattice
    /// configuration that the Amazon ECS tasks will be registered to.
    /// </summary>
    [Required]
    public string? TargetGroupArn { get; init; }

    /// <summary>
    /// The name of the port mapping to register in the VPC Lattice target group. This is the name of the
    /// portMapping you defined in your task definition.
    /// </summary>
    [Required]
    public string? PortName { get; init; }
}
