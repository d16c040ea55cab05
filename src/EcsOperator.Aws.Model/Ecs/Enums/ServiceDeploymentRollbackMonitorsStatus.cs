namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// Values of the AWS <c>ServiceDeploymentRollbackMonitorsStatus</c> enum; kept as strings so values AWS adds later
/// still deserialize.
/// </summary>
public static class ServiceDeploymentRollbackMonitorsStatus
{
    public const string Triggered = "TRIGGERED";
    public const string Monitoring = "MONITORING";
    public const string MonitoringComplete = "MONITORING_COMPLETE";
    public const string Disabled = "DISABLED";
}
