using System.ComponentModel.DataAnnotations;

namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// The minimum and maximum amount of memory in mebibytes (MiB) for instance type selection. This ensures that selected
/// instance types have adequate memory for your workloads.
/// </summary>
public sealed record MemoryMiBRequest
{
    /// <summary>
    /// The minimum amount of memory in MiB. Instance types with less memory than this value are excluded from
    /// selection.
    /// </summary>
    [Required]
    public int? Min { get; init; }

    /// <summary>
    /// The maximum amount of memory in MiB. Instance types with more memory than this value are excluded from
    /// selection.
    /// </summary>
    public int? Max { get; init; }
}
