using System.ComponentModel.DataAnnotations;

namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// The request of the <c>UpdateCapacityProvider</c> operation. Modifies the parameters for a capacity provider.
/// </summary>
public sealed record UpdateCapacityProviderRequest
{
    /// <summary>
    /// The name of the capacity provider to update.
    /// </summary>
    [Required]
    public string? Name { get; init; }

    /// <summary>
    /// The name of the cluster that contains the capacity provider to update. Managed instances capacity providers are
    /// cluster-scoped and can only be updated within their associated cluster.
    /// </summary>
    public string? Cluster { get; init; }

    /// <summary>
    /// An object that represent the parameters to update for the Auto Scaling group capacity provider.
    /// </summary>
    public AutoScalingGroupProviderUpdate? AutoScalingGroupProvider { get; init; }

    /// <summary>
    /// The updated configuration for the Amazon ECS Managed Instances provider. You can modify the infrastructure role,
    /// instance launch template, and tag propagation settings. Changes take effect for new instances launched after the
    /// update.
    /// </summary>
    public UpdateManagedInstancesProviderConfiguration? ManagedInstancesProvider { get; init; }
}
