namespace EcsOperator.Aws.Model.ApplicationAutoScaling;

/// <summary>
/// Describes the scaling metric.
/// </summary>
public sealed record PredictiveScalingMetric
{
    /// <summary>
    /// Describes the dimensions of the metric.
    /// </summary>
    [ListKey("Name")]
    public IReadOnlyList<PredictiveScalingMetricDimension>? Dimensions { get; init; }

    /// <summary>
    /// The name of the metric.
    /// </summary>
    [SchemaLength(1, 255)]
    public string? MetricName { get; init; }

    /// <summary>
    /// The namespace of the metric.
    /// </summary>
    [SchemaLength(1, 255)]
    public string? Namespace { get; init; }
}
