using System.ComponentModel.DataAnnotations;

namespace EcsOperator.Aws.Model.ApplicationAutoScaling;

/// <summary>
/// The metric data to return. Also defines whether this call is returning data for one metric only, or whether it
/// is performing a math expression on the values of returned metric statistics to create a new time series.
/// </summary>
public sealed record PredictiveScalingMetricDataQuery
{
    /// <summary>
    /// A short name that identifies the object's results in the response. This name must be unique among all
    /// MetricDataQuery objects specified for a single scaling policy.
    /// </summary>
    [Required]
    [SchemaLength(1, 255)]
    public string? Id { get; init; }

    /// <summary>
    /// The math expression to perform on the returned data, if this object is performing a math expression.
    /// </summary>
    [SchemaLength(1, 2048)]
    public string? Expression { get; init; }

    /// <summary>
    /// Information about the metric data to return. Conditional: Within each MetricDataQuery object, you must
    /// specify either Expression or MetricStat, but not both.
    /// </summary>
    public PredictiveScalingMetricStat? MetricStat { get; init; }

    /// <summary>
    /// A human-readable label for this metric or expression. This is especially useful if this is a math
    /// expression, so that you know what the value represents.
    /// </summary>
    public string? Label { get; init; }

    /// <summary>
    /// Indicates whether to return the timestamps and raw data values of this metric. If you use any math
    /// expressions, specify true for this value for only the final math expression that the metric specification is
    /// based on. This sets it to its default (true).
    /// </summary>
    public bool? ReturnData { get; init; }
}
