namespace EcsOperator.Aws.Model.ApplicationAutoScaling;

/// <summary>
/// Values of the AWS <c>PredictiveScalingMaxCapacityBreachBehavior</c> enum; kept as strings so values AWS adds
/// later still deserialize.
/// </summary>
public static class PredictiveScalingMaxCapacityBreachBehavior
{
    public const string HonorMaxCapacity = "HonorMaxCapacity";
    public const string IncreaseMaxCapacity = "IncreaseMaxCapacity";
}
