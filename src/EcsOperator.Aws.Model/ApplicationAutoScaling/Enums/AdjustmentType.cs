namespace EcsOperator.Aws.Model.ApplicationAutoScaling;

/// <summary>
/// Values of the AWS <c>AdjustmentType</c> enum; kept as strings so values AWS adds later still deserialize.
/// </summary>
public static class AdjustmentType
{
    public const string ChangeInCapacity = "ChangeInCapacity";
    public const string PercentChangeInCapacity = "PercentChangeInCapacity";
    public const string ExactCapacity = "ExactCapacity";
}
