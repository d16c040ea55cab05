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
    /// The type of constraint. Use distinctInstance to ensure that each task in a particular group is running on a
    /// different container instance.
    /// </summary>
    [AllowedValues("distinctInstance", "memberOf")]
    public string? Type { get; init; }

    /// <summary>
    /// A cluster query language expression to apply to the constraint. The expression can have a maximum length of
    /// 2000 characters.
    /// </summary>
    public string? Expression { get; init; }
}
