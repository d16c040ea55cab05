using System.ComponentModel.DataAnnotations;

namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// The minimum and maximum number of vCPUs for instance type selection. This allows you to specify a range of vCPU
/// counts that meet your workload requirements.
/// </summary>
public sealed record VCpuCountRangeRequest
{
    /// <summary>
    /// The minimum number of vCPUs. Instance types with fewer vCPUs than this value are excluded from selection.
    /// </summary>
    [Required]
    public int? Min { get; init; }

    /// <summary>
    /// The maximum number of vCPUs. Instance types with more vCPUs than this value are excluded from selection.
    /// </summary>
    public int? Max { get; init; }
}
