namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// The minimum and maximum amount of memory per vCPU in gibibytes (GiB). This helps ensure that instance types have the
/// appropriate memory-to-CPU ratio for your workloads.
/// </summary>
public sealed record MemoryGiBPerVCpuRequest
{
    /// <summary>
    /// The minimum amount of memory per vCPU in GiB. Instance types with a lower memory-to-vCPU ratio are excluded from
    /// selection.
    /// </summary>
    public double? Min { get; init; }

    /// <summary>
    /// The maximum amount of memory per vCPU in GiB. Instance types with a higher memory-to-vCPU ratio are excluded
    /// from selection.
    /// </summary>
    public double? Max { get; init; }
}
