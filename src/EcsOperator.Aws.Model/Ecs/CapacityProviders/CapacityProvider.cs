namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// The details for a capacity provider.
/// </summary>
public sealed record CapacityProvider
{
    /// <summary>
    /// The Amazon Resource Name (ARN) that identifies the capacity provider.
    /// </summary>
    public string? CapacityProviderArn { get; init; }

    /// <summary>
    /// The name of the capacity provider.
    /// </summary>
    public string? Name { get; init; }

    /// <summary>
    /// The cluster that this capacity provider is associated with. Managed instances capacity providers are cluster-
    /// scoped, meaning they can only be used within their associated cluster. This is required for Managed instances.
    /// </summary>
    public string? Cluster { get; init; }

    /// <summary>
    /// The current status of the capacity provider. Only capacity providers in an ACTIVE state can be used in a
    /// cluster. When a capacity provider is successfully deleted, it has an INACTIVE status.
    /// </summary>
    public string? Status { get; init; }

    /// <summary>
    /// The Auto Scaling group settings for the capacity provider.
    /// </summary>
    public AutoScalingGroupProvider? AutoScalingGroupProvider { get; init; }

    /// <summary>
    /// The configuration for the Amazon ECS Managed Instances provider. This includes the infrastructure role, the
    /// launch template configuration, and tag propagation settings.
    /// </summary>
    public ManagedInstancesProvider? ManagedInstancesProvider { get; init; }

    /// <summary>
    /// The update status of the capacity provider. The following are the possible states that is returned.
    /// DELETE_IN_PROGRESS The capacity provider is in the process of being deleted.
    /// </summary>
    public string? UpdateStatus { get; init; }

    /// <summary>
    /// The update status reason. This provides further details about the update status for the capacity provider.
    /// </summary>
    public string? UpdateStatusReason { get; init; }

    /// <summary>
    /// The metadata that you apply to the capacity provider to help you categorize and organize it. Each tag consists
    /// of a key and an optional value. You define both.
    /// </summary>
    public IReadOnlyList<Tag>? Tags { get; init; }

    /// <summary>
    /// The type of capacity provider. For Amazon ECS Managed Instances, this value is MANAGED_INSTANCES , indicating
    /// that Amazon ECS manages the underlying Amazon EC2 instances on your behalf.
    /// </summary>
    public string? Type { get; init; }
}
