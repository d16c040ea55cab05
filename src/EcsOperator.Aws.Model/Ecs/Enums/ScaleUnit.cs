namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// Values of the AWS <c>ScaleUnit</c> enum; kept as strings so values AWS adds later still deserialize.
/// </summary>
public static class ScaleUnit
{
    public const string Percent = "PERCENT";
}
