namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// Values of the AWS <c>DesiredStatus</c> enum; kept as strings so values AWS adds later still deserialize.
/// </summary>
public static class DesiredStatus
{
    public const string Running = "RUNNING";
    public const string Pending = "PENDING";
    public const string Stopped = "STOPPED";
}
