namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// Values of the AWS <c>PlacementStrategyType</c> enum; kept as strings so values AWS adds later still deserialize.
/// </summary>
public static class PlacementStrategyType
{
    public const string Random = "random";
    public const string Spread = "spread";
    public const string Binpack = "binpack";
}
