using System.ComponentModel.DataAnnotations;

namespace EcsOperator.Aws.Model.ApplicationAutoScaling;

/// <summary>
/// Describes the dimension names and values associated with a metric.
/// </summary>
public sealed record MetricDimension
{
    /// <summary>
    /// The name of the dimension.
    /// </summary>
    [Required]
    public string? Name { get; init; }

    /// <summary>
    /// The value of the dimension.
    /// </summary>
    [Required]
    public string? Value { get; init; }
}
