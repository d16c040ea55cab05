using System.ComponentModel.DataAnnotations;

namespace EcsOperator.Aws.Model.ApplicationAutoScaling;

/// <summary>
/// This structure specifies the metrics and target utilization settings for a predictive scaling policy.
/// </summary>
public sealed record PredictiveScalingMetricSpecification
{
    /// <summary>
    /// Specifies the target utilization.
    /// </summary>
    [Required]
    public double? TargetValue { get; init; }

    /// <summary>
    /// The predefined metric pair specification that determines the appropriate scaling metric and load metric to
    /// use.
    /// </summary>
    public PredictiveScalingPredefinedMetricPairSpecification? PredefinedMetricPairSpecification { get; init; }

    /// <summary>
    /// The predefined scaling metric specification.
    /// </summary>
    public PredictiveScalingPredefinedScalingMetricSpecification? PredefinedScalingMetricSpecification { get; init; }

    /// <summary>
    /// The predefined load metric specification.
    /// </summary>
    public PredictiveScalingPredefinedLoadMetricSpecification? PredefinedLoadMetricSpecification { get; init; }

    /// <summary>
    /// The customized scaling metric specification.
    /// </summary>
    public PredictiveScalingCustomizedMetricSpecification? CustomizedScalingMetricSpecification { get; init; }

    /// <summary>
    /// The customized load metric specification.
    /// </summary>
    public PredictiveScalingCustomizedMetricSpecification? CustomizedLoadMetricSpecification { get; init; }

    /// <summary>
    /// The customized capacity metric specification.
    /// </summary>
    public PredictiveScalingCustomizedMetricSpecification? CustomizedCapacityMetricSpecification { get; init; }
}
