namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// Values of the AWS <c>CpuManufacturer</c> enum; kept as strings so values AWS adds later still deserialize.
/// </summary>
public static class CpuManufacturer
{
    public const string Intel = "intel";
    public const string Amd = "amd";
    public const string AmazonWebServices = "amazon-web-services";
}
