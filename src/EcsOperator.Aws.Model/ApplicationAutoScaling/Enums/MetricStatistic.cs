namespace EcsOperator.Aws.Model.ApplicationAutoScaling;

/// <summary>
/// Values of the AWS <c>MetricStatistic</c> enum; kept as strings so values AWS adds later still deserialize.
/// </summary>
public static class MetricStatistic
{
    public const string Average = "Average";
    public const string Minimum = "Minimum";
    public const string Maximum = "Maximum";
    public const string SampleCount = "SampleCount";
    public const string Sum = "Sum";
}
