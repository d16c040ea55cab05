namespace EcsOperator.Aws.Model.ApplicationAutoScaling;

/// <summary>
/// Values of the AWS <c>ScalingActivityStatusCode</c> enum; kept as strings so values AWS adds later still
/// deserialize.
/// </summary>
public static class ScalingActivityStatusCode
{
    public const string Pending = "Pending";
    public const string InProgress = "InProgress";
    public const string Successful = "Successful";
    public const string Overridden = "Overridden";
    public const string Unfulfilled = "Unfulfilled";
    public const string Failed = "Failed";
}
