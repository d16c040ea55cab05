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
    /// The weight value designates the relative percentage of the total number of tasks launched that should use
    /// the specified capacity provider. If no weight value is specified, the default value of 0 is used.
    /// </summary>
    [Range(0, 1000)]
    public int? Weight { get; init; }

    /// <summary>
    /// The base value designates how many tasks, at a minimum, to run on the specified capacity provider for each
    /// service. If no value is specified, the default value of 0 is used.
    /// </summary>
    [Range(0, 100000)]
    public int? Base { get; init; }
}
