namespace EcsOperator.Aws.Model.ApplicationAutoScaling;

/// <summary>
/// Values of the AWS <c>PredictiveScalingMode</c> enum; kept as strings so values AWS adds later still deserialize.
/// </summary>
public static class PredictiveScalingMode
{
    public const string ForecastOnly = "ForecastOnly";
    public const string ForecastAndScale = "ForecastAndScale";
}
