namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// The minimum and maximum number of accelerators (such as GPUs) for instance type selection. This is used for
/// workloads that require specific numbers of accelerators.
/// </summary>
public sealed record AcceleratorCountRequest
{
    /// <summary>
    /// The minimum number of accelerators. Instance types with fewer accelerators are excluded from selection.
    /// </summary>
    public int? Min { get; init; }

    /// <summary>
    /// The maximum number of accelerators. Instance types with more accelerators are excluded from selection.
    /// </summary>
    public int? Max { get; init; }
}
