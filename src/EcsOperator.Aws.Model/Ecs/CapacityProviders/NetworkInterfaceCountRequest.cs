namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// The minimum and maximum number of network interfaces for instance type selection. This is useful for workloads that
/// require multiple network interfaces.
/// </summary>
public sealed record NetworkInterfaceCountRequest
{
    /// <summary>
    /// The minimum number of network interfaces. Instance types that support fewer network interfaces are excluded from
    /// selection.
    /// </summary>
    public int? Min { get; init; }

    /// <summary>
    /// The maximum number of network interfaces. Instance types that support more network interfaces are excluded from
    /// selection.
    /// </summary>
    public int? Max { get; init; }
}
