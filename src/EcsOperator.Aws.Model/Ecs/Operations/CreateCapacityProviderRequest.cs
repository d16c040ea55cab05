using System.ComponentModel.DataAnnotations;

namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// The request of the <c>CreateCapacityProvider</c> operation. Creates a capacity provider.
/// </summary>
public sealed record CreateCapacityProviderRequest
{
    /// <summary>
    /// The name of the capacity provider. Up to 255 characters are allowed. They include letters (both upper and
    /// lowercase letters), numbers, underscores (_), and hyphens (-). The name can't be prefixed with "aws", "ecs",
    /// or "fargate".
    /// </summary>
    [Required]
    public string? Name { get; init; }

    /// <summary>
    /// The name of the cluster to associate with the capacity provider. When you create a capacity provider with Amazon
    /// ECS Managed Instances, it becomes available only within the specified cluster.
    /// </summary>
    public string? Cluster { get; init; }

    /// <summary>
    /// The details of the Auto Scaling group for the capacity provider.
    /// </summary>
    public AutoScalingGroupProvider? AutoScalingGroupProvider { get; init; }

    /// <summary>
    /// The configuration for the Amazon ECS Managed Instances provider. This configuration specifies how Amazon ECS
    /// manages Amazon EC2 instances on your behalf, including the infrastructure role, instance launch template, and
    /// tag propagation settings.
    /// </summary>
    public CreateManagedInstancesProviderConfiguration? ManagedInstancesProvider { get; init; }

    /// <summary>
    /// The metadata that you apply to the capacity provider to categorize and organize them more conveniently. Each tag
    /// consists of a key and an optional value. You define both of them.
    /// </summary>
    [SchemaLength(0, 50)]
    public IReadOnlyList<Tag>? Tags { get; init; }
}
