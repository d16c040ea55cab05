namespace EcsOperator.Aws.Model.ApplicationAutoScaling;

/// <summary>
/// Represents a specific metric. Metric is a property of the TargetTrackingMetricStat object.
/// </summary>
public sealed record TargetTrackingMetric
{
    /// <summary>
    /// The dimensions for the metric.
    /// </summary>
    [ListKey("Name")]
    public IReadOnlyList<TargetTrackingMetricDimension>? Dimensions { get; init; }

    /// <summary>
    /// The name of the metric.
    /// </summary>
    [SchemaLength(1, 255)]
    public string? MetricName { get; init; }

    /// <summary>
    /// The namespace of the metric. For more information, see the table in Amazon Web Services services that
    /// publish CloudWatch metrics in the Amazon CloudWatch User Guide .
    /// </summary>
    [SchemaLength(1, 255)]
    public string? Namespace { get; init; }
}
