namespace EcsOperator.Aws.Model.ApplicationAutoScaling;

/// <summary>
/// Values of the AWS <c>PolicyType</c> enum; kept as strings so values AWS adds later still deserialize.
/// </summary>
public static class PolicyType
{
    public const string StepScaling = "StepScaling";
    public const string TargetTrackingScaling = "TargetTrackingScaling";
    public const string PredictiveScaling = "PredictiveScaling";
}
