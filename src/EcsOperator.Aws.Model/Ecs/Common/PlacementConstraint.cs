using System.ComponentModel.DataAnnotations;

namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// An object representing a constraint on task placement. For more information, see Task placement constraints in
/// the Amazon Elastic Container Service Developer Guide . If you're using the Fargate launch type, task placement
/// constraints aren't supported.
/// </summary>
public sealed record PlacementConstraint
{
    /// <summary>
    /// distinctInstance puts each task on a different container instance; memberOf restricts placement to instances
    /// matching expression.
    /// </summary>
    [AllowedValues("distinctInstance", "memberOf")]
    public string? Type { get; init; }

    /// <summary>
    /// A cluster query language expression selecting instances for memberOf (at most 2000 characters).
    /// </summary>
    public string? Expression { get; init; }
}
