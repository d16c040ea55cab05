namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// Values of the AWS <c>AcceleratorManufacturer</c> enum; kept as strings so values AWS adds later still deserialize.
/// </summary>
public static class AcceleratorManufacturer
{
    public const string AmazonWebServices = "amazon-web-services";
    public const string Amd = "amd";
    public const string Nvidia = "nvidia";
    public const string Xilinx = "xilinx";
    public const string Habana = "habana";
}
