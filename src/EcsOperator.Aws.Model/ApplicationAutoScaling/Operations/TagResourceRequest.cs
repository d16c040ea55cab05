using System.ComponentModel.DataAnnotations;

namespace EcsOperator.Aws.Model.ApplicationAutoScaling;

/// <summary>
/// The request of the <c>TagResource</c> operation. Adds or edits tags on an Application Auto Scaling scalable
/// target (scaling policies and scheduled actions cannot be tagged).
/// </summary>
public sealed record TagResourceRequest
{
    /// <summary>
    /// The ARN of the scalable target to tag (ScalableTargetARN from DescribeScalableTargets).
    /// </summary>
    [Required]
    [SchemaLength(1, 1011)]
    public string? ResourceARN { get; init; }

    /// <summary>
    /// The tags to add; an existing key gets the new value.
    /// </summary>
    [Required]
    public IReadOnlyDictionary<string, string>? Tags { get; init; }
}
