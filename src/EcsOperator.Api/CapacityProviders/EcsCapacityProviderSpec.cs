using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using EcsOperator.Api.Crds;
using EcsOperator.Api.Shared;
using EcsOperator.Aws.Model;
using EcsOperator.Aws.Model.Ecs;

namespace EcsOperator.Api.CapacityProviders;

/// <summary>
/// The desired Auto Scaling group capacity provider: the CreateCapacityProvider parameters under their ECS names,
/// plus the operator's policies.
/// </summary>
[CelRule(TerminationProtectionNeedsManagedScaling,
    "autoScalingGroupProvider.managedTerminationProtection ENABLED needs autoScalingGroupProvider.managedScaling.status ENABLED (ECS: managed termination protection does not work without managed scaling)")]
[CelRule(StepSizesOrdered,
    "autoScalingGroupProvider.managedScaling.minimumScalingStepSize must not exceed maximumScalingStepSize")]
public sealed record EcsCapacityProviderSpec
{
    private const string TerminationProtectionNeedsManagedScaling =
        "!has(self.autoScalingGroupProvider.managedTerminationProtection) || self.autoScalingGroupProvider.managedTerminationProtection != 'ENABLED'"
        + " || (has(self.autoScalingGroupProvider.managedScaling) && has(self.autoScalingGroupProvider.managedScaling.status)"
        + " && self.autoScalingGroupProvider.managedScaling.status == 'ENABLED')";

    private const string StepSizesOrdered =
        "!has(self.autoScalingGroupProvider.managedScaling) || !has(self.autoScalingGroupProvider.managedScaling.minimumScalingStepSize)"
        + " || !has(self.autoScalingGroupProvider.managedScaling.maximumScalingStepSize)"
        + " || self.autoScalingGroupProvider.managedScaling.minimumScalingStepSize <= self.autoScalingGroupProvider.managedScaling.maximumScalingStepSize";

    /// <summary>
    /// The name of the ECS capacity provider (up to 255 letters, numbers, hyphens and underscores, not starting with
    /// aws, ecs or fargate). Names are unique per account and Region, so it defaults to &lt;namespace&gt;-&lt;name&gt;
    /// (prefixed cp- when that would start with aws, ecs or fargate). Immutable.
    /// </summary>
    [SchemaLength(1, 255)]
    [RegularExpression("^[a-zA-Z0-9_-]+$")]
    [CelRule("!self.matches('^(?i)(aws|ecs|fargate)')",
        "a capacity provider name cannot start with aws, ecs or fargate")]
    public string? Name { get; init; }

    /// <summary>
    /// The Auto Scaling group (its ARN; immutable) and how ECS manages it: managed scaling (target capacity, step
    /// sizes, instance warmup), managed termination protection and managed draining.
    /// </summary>
    [Required]
    public required AutoScalingGroupProvider AutoScalingGroupProvider { get; init; }

    /// <summary>Tags for the capacity provider (at most 50, identified by key). The operator adds its ownership tag.</summary>
    [SchemaMaxLength(50)]
    [ListKey("key")]
    public IReadOnlyList<Tag>? Tags { get; init; }

    /// <summary>Delete deletes the capacity provider from AWS with this object (once no cluster uses it); Retain leaves it.</summary>
    [DefaultValue(DeletionPolicy.Delete)]
    public DeletionPolicy DeletionPolicy { get; init; } = DeletionPolicy.Delete;

    /// <summary>None refuses to manage an existing capacity provider of the same name the operator does not own (Stalled, NotOwned); Adopt takes it over.</summary>
    [DefaultValue(AdoptionPolicy.None)]
    public AdoptionPolicy AdoptionPolicy { get; init; } = AdoptionPolicy.None;

    /// <summary>Correct reverts changes made outside the operator; Report only reports them.</summary>
    [DefaultValue(DriftPolicy.Correct)]
    public DriftPolicy DriftPolicy { get; init; } = DriftPolicy.Correct;
}
