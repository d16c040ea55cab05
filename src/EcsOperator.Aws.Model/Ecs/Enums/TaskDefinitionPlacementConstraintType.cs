namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// Values of the AWS <c>TaskDefinitionPlacementConstraintType</c> enum; kept as strings so values AWS adds later
/// still deserialize.
/// </summary>
public static class TaskDefinitionPlacementConstraintType
{
    public const string MemberOf = "memberOf";
}
