namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// Values of the AWS <c>AutoRepairActionsStatus</c> enum; kept as strings so values AWS adds later still deserialize.
/// </summary>
public static class AutoRepairActionsStatus
{
    public const string Enabled = "ENABLED";
    public const string Disabled = "DISABLED";
}
