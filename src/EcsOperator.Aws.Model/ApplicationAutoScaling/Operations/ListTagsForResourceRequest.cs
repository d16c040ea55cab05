using System.ComponentModel.DataAnnotations;

namespace EcsOperator.Aws.Model.ApplicationAutoScaling;

/// <summary>
/// The request of the <c>ListTagsForResource</c> operation. Returns all the tags on the specified Application Auto
/// Scaling scalable target.
/// </summary>
public sealed record ListTagsForResourceRequest
{
    /// <summary>
    /// The ARN of the scalable target (ScalableTargetARN from DescribeScalableTargets).
    /// </summary>
    [Required]
    [SchemaLength(1, 1011)]
    public string? ResourceARN { get; init; }
}
