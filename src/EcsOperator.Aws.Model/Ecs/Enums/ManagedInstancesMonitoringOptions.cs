namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// Values of the AWS <c>ManagedInstancesMonitoringOptions</c> enum; kept as strings so values AWS adds later still
/// deserialize.
/// </summary>
public static class ManagedInstancesMonitoringOptions
{
    public const string Basic = "BASIC";
    public const string Detailed = "DETAILED";
}
