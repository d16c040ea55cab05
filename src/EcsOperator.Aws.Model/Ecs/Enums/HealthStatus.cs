namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// Values of the AWS <c>HealthStatus</c> enum; kept as strings so values AWS adds later still deserialize.
/// </summary>
public static class HealthStatus
{
    public const string Healthy = "HEALTHY";
    public const string Unhealthy = "UNHEALTHY";
    public const string Unknown = "UNKNOWN";
}
