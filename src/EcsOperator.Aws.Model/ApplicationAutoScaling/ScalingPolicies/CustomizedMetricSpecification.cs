using System.ComponentModel.DataAnnotations;

namespace EcsOperator.Aws.Model.ApplicationAutoScaling;

/// <summary>
/// Represents a CloudWatch metric of your choosing for a target tracking scaling policy to use with Application
/// Auto Scaling.
/// </summary>
public sealed record CustomizedMetricSpecification
{
    /// <summary>
    /// The name of the metric. To get the exact metric name, namespace, and dimensions, inspect the Metric object
    /// that's returned by a call to ListMetrics .
    /// </summary>
    public string? MetricName { get; init; }

    /// <summary>
    /// The namespace of the metric.
    /// </summary>
    public string? Namespace { get; init; }

    /// <summary>
    /// The dimensions of the metric. Conditional: If you published your metric with dimensions, you must specify
    /// the same dimensions in your scaling policy.
    /// </summary>
    [ListKey("Name")]
    public IReadOnlyList<MetricDimension>? Dimensions { get; init; }

    /// <summary>
    /// The statistic of the metric: Average, Minimum, Maximum, SampleCount or Sum.
    /// </summary>
    [AllowedValues("Average", "Minimum", "Maximum", "SampleCount", "Sum")]
    public string? Statistic { get; init; }

    /// <summary>
    /// The unit of the metric. For a complete list of the units that CloudWatch supports, see the MetricDatum data
    /// type in the Amazon CloudWatch API Reference .
    /// </summary>
    public string? Unit { get; init; }

    /// <summary>
    /// The metrics to include in the target tracking scaling policy, as a metric data query. This can include both
    /// raw metric and metric math expressions.
    /// </summary>
    [ListKey("Id")]
    public IReadOnlyList<TargetTrackingMetricDataQuery>? Metrics { get; init; }
}
