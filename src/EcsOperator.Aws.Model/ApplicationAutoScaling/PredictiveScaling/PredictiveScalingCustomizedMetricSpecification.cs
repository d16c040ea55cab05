using System.ComponentModel.DataAnnotations;

namespace EcsOperator.Aws.Model.ApplicationAutoScaling;

/// <summary>
/// Represents a CloudWatch metric of your choosing for a predictive scaling policy.
/// </summary>
public sealed record PredictiveScalingCustomizedMetricSpecification
{
    /// <summary>
    /// One or more metric data queries to provide data points for a metric specification.
    /// </summary>
    [Required]
    [ListKey("Id")]
    public IReadOnlyList<PredictiveScalingMetricDataQuery>? MetricDataQueries { get; init; }
}
