namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// Values of the AWS <c>VersionConsistency</c> enum; kept as strings so values AWS adds later still deserialize.
/// </summary>
public static class VersionConsistency
{
    public const string Enabled = "enabled";
    public const string Disabled = "disabled";
}
