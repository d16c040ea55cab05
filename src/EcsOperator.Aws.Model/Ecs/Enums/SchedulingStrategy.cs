namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// Values of the AWS <c>SchedulingStrategy</c> enum; kept as strings so values AWS adds later still deserialize.
/// </summary>
public static class SchedulingStrategy
{
    public const string Replica = "REPLICA";
    public const string Daemon = "DAEMON";
}
