namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// Values of the AWS <c>ResourceManagementType</c> enum; kept as strings so values AWS adds later still
/// deserialize.
/// </summary>
public static class ResourceManagementType
{
    public const string Customer = "CUSTOMER";
    public const string Ecs = "ECS";
}
