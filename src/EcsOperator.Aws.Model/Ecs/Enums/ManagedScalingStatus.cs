namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// Values of the AWS <c>ManagedScalingStatus</c> enum; kept as strings so values AWS adds later still deserialize.
/// </summary>
public static class ManagedScalingStatus
{
    public const string Enabled = "ENABLED";
    public const string Disabled = "DISABLED";
}
