namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// The minimum and maximum total local storage in gigabytes (GB) for instance types with local storage. This is useful
/// for workloads that require local storage for temporary data or caching.
/// </summary>
public sealed record TotalLocalStorageGBRequest
{
    /// <summary>
    /// The minimum total local storage in GB. Instance types with less local storage are excluded from selection.
    /// </summary>
    public double? Min { get; init; }

    /// <summary>
    /// The maximum total local storage in GB. Instance types with more local storage are excluded from selection.
    /// </summary>
    public double? Max { get; init; }
}
