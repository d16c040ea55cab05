namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// Values of the AWS <c>EBSResourceType</c> enum; kept as strings so values AWS adds later still deserialize.
/// </summary>
public static class EBSResourceType
{
    public const string Volume = "volume";
}
