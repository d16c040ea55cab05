namespace EcsOperator.Aws.Model.ApplicationAutoScaling;

/// <summary>
/// Values of the AWS <c>MetricAggregationType</c> enum; kept as strings so values AWS adds later still deserialize.
/// </summary>
public static class MetricAggregationType
{
    public const string Average = "Average";
    public const string Minimum = "Minimum";
    public const string Maximum = "Maximum";
}
