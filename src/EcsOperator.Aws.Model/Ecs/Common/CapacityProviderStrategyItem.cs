using System.ComponentModel.DataAnnotations;

namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// The details of a capacity provider strategy.
/// </summary>
public sealed record CapacityProviderStrategyItem
{
    /// <summary>
    /// The short name of the capacity provider.
    /// </summary>
    [Required]
    public string? CapacityProvider { get; init; }

    /// <summary>
    /// The relative share of tasks (after base is satisfied) placed on this capacity provider (0 to 1000; default
    /// 0).
    /// </summary>
    [Range(0, 1000)]
    public int? Weight { get; init; }

    /// <summary>
    /// The minimum number of tasks placed on this capacity provider before weights apply; only one provider in a
    /// strategy may set it (0 to 100000; default 0).
    /// </summary>
    [Range(0, 100000)]
    public int? Base { get; init; }
}
