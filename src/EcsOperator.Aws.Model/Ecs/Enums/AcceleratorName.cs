namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// Values of the AWS <c>AcceleratorName</c> enum; kept as strings so values AWS adds later still deserialize.
/// </summary>
public static class AcceleratorName
{
    public const string A100 = "a100";
    public const string Inferentia = "inferentia";
    public const string K520 = "k520";
    public const string K80 = "k80";
    public const string M60 = "m60";
    public const string RadeonProV520 = "radeon-pro-v520";
    public const string T4 = "t4";
    public const string Vu9p = "vu9p";
    public const string V100 = "v100";
    public const string A10g = "a10g";
    public const string H100 = "h100";
    public const string T4g = "t4g";
}
