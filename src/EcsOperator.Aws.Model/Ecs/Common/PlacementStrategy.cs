using System.ComponentModel.DataAnnotations;

namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// The task placement strategy for a task or service. For more information, see Task placement strategies in the
/// Amazon Elastic Container Service Developer Guide .
/// </summary>
public sealed record PlacementStrategy
{
    /// <summary>
    /// The type of placement strategy. The random placement strategy randomly places tasks on available candidates.
    /// </summary>
    [AllowedValues("random", "spread", "binpack")]
    public string? Type { get; init; }

    /// <summary>
    /// The field to apply the placement strategy against. For the spread placement strategy, valid values are
    /// instanceId (or host, which has the same effect), or any platform or custom attribute that's applied to a
    /// container instance, such as attribute:ecs.availability-zone.
    /// </summary>
    public string? Field { get; init; }
}
