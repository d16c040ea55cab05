namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// Values of the AWS <c>CapacityOptionType</c> enum; kept as strings so values AWS adds later still deserialize.
/// </summary>
public static class CapacityOptionType
{
    public const string OnDemand = "ON_DEMAND";
    public const string Spot = "SPOT";
    public const string Reserved = "RESERVED";
}
