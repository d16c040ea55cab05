using System.ComponentModel.DataAnnotations;

namespace EcsOperator.Aws.Model.ApplicationAutoScaling;

/// <summary>
/// Describes the dimension of a metric.
/// </summary>
public sealed record PredictiveScalingMetricDimension
{
    /// <summary>
    /// The name of the dimension.
    /// </summary>
    [Required]
    [SchemaLength(1, 255)]
    public string? Name { get; init; }

    /// <summary>
    /// The value of the dimension.
    /// </summary>
    [Required]
    [SchemaLength(1, 1024)]
    public string? Value { get; init; }
}
