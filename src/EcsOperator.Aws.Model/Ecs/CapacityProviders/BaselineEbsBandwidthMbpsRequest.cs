namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// The minimum and maximum baseline Amazon EBS bandwidth in megabits per second (Mbps) for instance type selection.
/// This is important for workloads with high storage I/O requirements.
/// </summary>
public sealed record BaselineEbsBandwidthMbpsRequest
{
    /// <summary>
    /// The minimum baseline Amazon EBS bandwidth in Mbps. Instance types with lower Amazon EBS bandwidth are excluded
    /// from selection.
    /// </summary>
    public int? Min { get; init; }

    /// <summary>
    /// The maximum baseline Amazon EBS bandwidth in Mbps. Instance types with higher Amazon EBS bandwidth are excluded
    /// from selection.
    /// </summary>
    public int? Max { get; init; }
}
