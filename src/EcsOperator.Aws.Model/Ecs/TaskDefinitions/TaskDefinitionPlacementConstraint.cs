using System.ComponentModel.DataAnnotations;

namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// The constraint on task placement in the task definition. For more information, see Task placement constraints in
/// the Amazon Elastic Container Service Developer Guide . Task placement constraints aren't supported for tasks run
/// on Fargate.
/// </summary>
public sealed record TaskDefinitionPlacementConstraint
{
    /// <summary>
    /// The type of constraint. The MemberOf constraint restricts selection to be from a group of valid candidates.
    /// </summary>
    [AllowedValues("memberOf")]
    public string? Type { get; init; }

    /// <summary>
    /// A cluster query language expression to apply to the constraint. For more information, see Cluster query
    /// language in the Amazon Elastic Container Service Developer Guide .
    /// </summary>
    public string? Expression { get; init; }
}
