namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// Values of the AWS <c>PlacementConstraintType</c> enum; kept as strings so values AWS adds later still
/// deserialize.
/// </summary>
public static class PlacementConstraintType
{
    public const string DistinctInstance = "distinctInstance";
    public const string MemberOf = "memberOf";
}
