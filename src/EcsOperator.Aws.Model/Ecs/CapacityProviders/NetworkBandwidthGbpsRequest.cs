namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// The minimum and maximum network bandwidth in gigabits per second (Gbps) for instance type selection. This is
/// important for network-intensive workloads.
/// </summary>
public sealed record NetworkBandwidthGbpsRequest
{
    /// <summary>
    /// The minimum network bandwidth in Gbps. Instance types with lower network bandwidth are excluded from selection.
    /// </summary>
    public double? Min { get; init; }

    /// <summary>
    /// The maximum network bandwidth in Gbps. Instance types with higher network bandwidth are excluded from selection.
    /// </summary>
    public double? Max { get; init; }
}
