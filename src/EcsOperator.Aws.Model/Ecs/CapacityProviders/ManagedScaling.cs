using System.ComponentModel.DataAnnotations;

namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// The managed scaling settings for the Auto Scaling group capacity provider. When managed scaling is turned on, Amazon
/// ECS manages the scale-in and scale-out actions of the Auto Scaling group.
/// </summary>
public sealed record ManagedScaling
{
    /// <summary>
    /// Determines whether to use managed scaling for the capacity provider.
    /// </summary>
    [AllowedValues("ENABLED", "DISABLED")]
    public string? Status { get; init; }

    /// <summary>
    /// The target capacity utilization as a percentage for the capacity provider. The specified value must be greater
    /// than 0 and less than or equal to 100 .
    /// </summary>
    [Range(1, 100)]
    public int? TargetCapacity { get; init; }

    /// <summary>
    /// The minimum number of Amazon EC2 instances that Amazon ECS will scale out at one time. The scale in process is
    /// not affected by this parameter If this parameter is omitted, the default value of 1 is used.
    /// </summary>
    [Range(1, 10000)]
    public int? MinimumScalingStepSize { get; init; }

    /// <summary>
    /// The maximum number of Amazon EC2 instances that Amazon ECS will scale out at one time. If this parameter is
    /// omitted, the default value of 10000 is used.
    /// </summary>
    [Range(1, 10000)]
    public int? MaximumScalingStepSize { get; init; }

    /// <summary>
    /// The period of time, in seconds, after a newly launched Amazon EC2 instance can contribute to CloudWatch metrics
    /// for Auto Scaling group. If this parameter is omitted, the default value of 300 seconds is used.
    /// </summary>
    [Range(0, 10000)]
    public int? InstanceWarmupPeriod { get; init; }
}
