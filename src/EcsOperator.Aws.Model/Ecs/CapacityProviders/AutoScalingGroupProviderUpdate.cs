using System.ComponentModel.DataAnnotations;

namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// The details of the Auto Scaling group capacity provider to update.
/// </summary>
public sealed record AutoScalingGroupProviderUpdate
{
    /// <summary>
    /// The managed scaling settings for the Auto Scaling group capacity provider.
    /// </summary>
    public ManagedScaling? ManagedScaling { get; init; }

    /// <summary>
    /// The managed termination protection setting to use for the Auto Scaling group capacity provider. This determines
    /// whether the Auto Scaling group has managed termination protection.
    /// </summary>
    [AllowedValues("ENABLED", "DISABLED")]
    public string? ManagedTerminationProtection { get; init; }

    /// <summary>
    /// The managed draining option for the Auto Scaling group capacity provider. When you enable this, Amazon ECS
    /// manages and gracefully drains the EC2 container instances that are in the Auto Scaling group capacity provider.
    /// </summary>
    [AllowedValues("ENABLED", "DISABLED")]
    public string? ManagedDraining { get; init; }
}
