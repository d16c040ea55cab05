namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// Values of the AWS <c>AcceleratorType</c> enum; kept as strings so values AWS adds later still deserialize.
/// </summary>
public static class AcceleratorType
{
    public const string Gpu = "gpu";
    public const string Fpga = "fpga";
    public const string Inference = "inference";
}
