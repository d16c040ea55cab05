using System.ComponentModel.DataAnnotations;

namespace EcsOperator.Aws.Model.ApplicationAutoScaling;

/// <summary>
/// Represents a metric pair for a predictive scaling policy.
/// </summary>
public sealed record PredictiveScalingPredefinedMetricPairSpecification
{
    /// <summary>
    /// Indicates which metrics to use. There are two different types of metrics for each metric type: one is a load
    /// metric and one is a scaling metric.
    /// </summary>
    [Required]
    [SchemaLength(1, 128)]
    public string? PredefinedMetricType { get; init; }

    /// <summary>
    /// A label that uniquely identifies a specific target group from which to determine the total and average
    /// request count.
    /// </summary>
    [SchemaLength(1, 1023)]
    public string? ResourceLabel { get; init; }
}
