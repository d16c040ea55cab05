namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// Values of the AWS <c>FirelensConfigurationType</c> enum; kept as strings so values AWS adds later still
/// deserialize.
/// </summary>
public static class FirelensConfigurationType
{
    public const string Fluentd = "fluentd";
    public const string Fluentbit = "fluentbit";
}
