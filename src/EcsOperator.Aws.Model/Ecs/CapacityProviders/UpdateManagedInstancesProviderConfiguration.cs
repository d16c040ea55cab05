using System.ComponentModel.DataAnnotations;

namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// The updated configuration for a Amazon ECS Managed Instances provider. You can modify the infrastructure role,
/// instance launch template, and tag propagation settings. Changes apply to new instances launched after the update.
/// </summary>
public sealed record UpdateManagedInstancesProviderConfiguration
{
    /// <summary>
    /// The updated Amazon Resource Name (ARN) of the infrastructure role. The new role must have the necessary
    /// permissions to manage instances and access required Amazon Web Services services.
    /// </summary>
    [Required]
    public string? InfrastructureRoleArn { get; init; }

    /// <summary>
    /// The updated launch template configuration. Changes to the launch template affect new instances launched after
    /// the update, while existing instances continue to use their original configuration.
    /// </summary>
    [Required]
    public InstanceLaunchTemplateUpdate? InstanceLaunchTemplate { get; init; }

    /// <summary>
    /// The updated tag propagation setting. When changed, this affects only new instances launched after the update.
    /// </summary>
    [AllowedValues("CAPACITY_PROVIDER", "NONE")]
    public string? PropagateTags { get; init; }

    /// <summary>
    /// The updated infrastructure optimization configuration. Changes to this setting affect how Amazon ECS optimizes
    /// instances going forward.
    /// </summary>
    public InfrastructureOptimization? InfrastructureOptimization { get; init; }

    /// <summary>
    /// The updated auto repair configuration for the Amazon ECS Managed Instances capacity provider.
    /// </summary>
    public AutoRepairConfiguration? AutoRepairConfiguration { get; init; }
}
