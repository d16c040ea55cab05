namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// Values of the AWS <c>StopServiceDeploymentStopType</c> enum; kept as strings so values AWS adds later still
/// deserialize.
/// </summary>
public static class StopServiceDeploymentStopType
{
    public const string Abort = "ABORT";
    public const string Rollback = "ROLLBACK";
}
