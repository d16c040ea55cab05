using System.ComponentModel.DataAnnotations;

namespace EcsOperator.Aws.Model.ApplicationAutoScaling;

/// <summary>
/// Represents a predictive scaling policy configuration. Predictive scaling is supported on Amazon ECS services.
/// </summary>
public sealed record PredictiveScalingPolicyConfiguration
{
    /// <summary>
    /// This structure includes the metrics and target utilization to use for predictive scaling. This is an array,
    /// but we currently only support a single metric specification.
    /// </summary>
    [Required]
    public IReadOnlyList<PredictiveScalingMetricSpecification>? MetricSpecifications { get; init; }

    /// <summary>
    /// The predictive scaling mode. Defaults to ForecastOnly if not specified.
    /// </summary>
    [AllowedValues("ForecastOnly", "ForecastAndScale")]
    public string? Mode { get; init; }

    /// <summary>
    /// The amount of time, in seconds, that the start time can be advanced. The value must be less than the
    /// forecast interval duration of 3600 seconds (60 minutes). Defaults to 300 seconds if not specified.
    /// </summary>
    [Range(0, 3600)]
    public int? SchedulingBufferTime { get; init; }

    /// <summary>
    /// Defines the behavior that should be applied if the forecast capacity approaches or exceeds the maximum
    /// capacity. Defaults to HonorMaxCapacity if not specified.
    /// </summary>
    [AllowedValues("HonorMaxCapacity", "IncreaseMaxCapacity")]
    public string? MaxCapacityBreachBehavior { get; init; }

    /// <summary>
    /// The size of the capacity buffer to use when the forecast capacity is close to or exceeds the maximum
    /// capacity.
    /// </summary>
    [Range(0, 100)]
    public int? MaxCapacityBuffer { get; init; }
}
