using System.ComponentModel.DataAnnotations;

namespace EcsOperator.Aws.Model.ApplicationAutoScaling;

/// <summary>
/// This structure defines the CloudWatch metric to return, along with the statistic and unit.
/// </summary>
public sealed record TargetTrackingMetricStat
{
    /// <summary>
    /// The CloudWatch metric to return, including the metric name, namespace, and dimensions. To get the exact
    /// metric name, namespace, and dimensions, inspect the Metric object that is returned by a call to ListMetrics
    /// .
    /// </summary>
    [Required]
    public TargetTrackingMetric? Metric { get; init; }

    /// <summary>
    /// The statistic to return. It can include any CloudWatch statistic or extended statistic.
    /// </summary>
    [Required]
    public string? Stat { get; init; }

    /// <summary>
    /// The unit to use for the returned data points. For a complete list of the units that CloudWatch supports, see
    /// the MetricDatum data type in the Amazon CloudWatch API Reference .
    /// </summary>
    [SchemaLength(1, 1023)]
    public string? Unit { get; init; }
}
