using System.ComponentModel.DataAnnotations;
using EcsOperator.Aws.Model;
using EcsOperator.Aws.Model.ApplicationAutoScaling;

namespace EcsOperator.Api.Services;

/// <summary>
/// A step scaling policy: adjustments by step when a CloudWatch alarm you create (pointing at the policy's ARN in
/// status.autoScaling.policyArns) fires.
/// </summary>
public sealed record StepScalingPolicy
{
    /// <summary>The policy name, unique within the service's policies.</summary>
    [Required]
    [SchemaLength(1, 256)]
    public required string Name { get; init; }

    /// <summary>The adjustment type, step adjustments, cooldown and metric aggregation of the policy.</summary>
    [Required]
    public required StepScalingPolicyConfiguration StepScalingPolicyConfiguration { get; init; }
}
