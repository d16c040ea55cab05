namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// The minimum and maximum total accelerator memory in mebibytes (MiB) for instance type selection. This is important
/// for GPU workloads that require specific amounts of video memory.
/// </summary>
public sealed record AcceleratorTotalMemoryMiBRequest
{
    /// <summary>
    /// The minimum total accelerator memory in MiB. Instance types with less accelerator memory are excluded from
    /// selection.
    /// </summary>
    public int? Min { get; init; }

    /// <summary>
    /// The maximum total accelerator memory in MiB. Instance types with more accelerator memory are excluded from
    /// selection.
    /// </summary>
    public int? Max { get; init; }
}
