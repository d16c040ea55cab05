namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// Values of the AWS <c>TargetType</c> enum; kept as strings so values AWS adds later still deserialize.
/// </summary>
public static class TargetType
{
    public const string ContainerInstance = "container-instance";
}
