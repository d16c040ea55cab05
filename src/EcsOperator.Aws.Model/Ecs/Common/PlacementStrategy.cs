using System.ComponentModel.DataAnnotations;

namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// The task placement strategy for a task or service. For more information, see Task placement strategies in the
/// Amazon Elastic Container Service Developer Guide .
/// </summary>
public sealed record PlacementStrategy
{
    /// <summary>
    /// random places tasks randomly; spread distributes them evenly over the values of field; binpack packs them by
    /// the least available cpu or memory.
    /// </summary>
    [AllowedValues("random", "spread", "binpack")]
    public string? Type { get; init; }

    /// <summary>
    /// What to spread or pack by: instanceId, host, attribute:ecs.availability-zone (spread), or cpu / memory
    /// (binpack). Not used with random.
    /// </summary>
    public string? Field { get; init; }
}
