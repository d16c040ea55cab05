using System.ComponentModel.DataAnnotations;

namespace EcsOperator.Aws.Model.ApplicationAutoScaling;

/// <summary>
/// Describes a load metric for a predictive scaling policy. When returned in the output of DescribePolicies, it
/// indicates that a predictive scaling policy uses individually specified load and scaling metrics instead of a
/// metric pair.
/// </summary>
public sealed record PredictiveScalingPredefinedLoadMetricSpecification
{
    /// <summary>
    /// The metric type.
    /// </summary>
    [Required]
    [SchemaLength(1, 128)]
    public string? PredefinedMetricType { get; init; }

    /// <summary>
    /// A label that uniquely identifies a target group.
    /// </summary>
    [SchemaLength(1, 1023)]
    public string? ResourceLabel { get; init; }
}
