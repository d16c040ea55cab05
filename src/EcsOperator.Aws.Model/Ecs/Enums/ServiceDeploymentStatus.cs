namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// Values of the AWS <c>ServiceDeploymentStatus</c> enum; kept as strings so values AWS adds later still
/// deserialize.
/// </summary>
public static class ServiceDeploymentStatus
{
    public const string Pending = "PENDING";
    public const string Successful = "SUCCESSFUL";
    public const string Stopped = "STOPPED";
    public const string StopRequested = "STOP_REQUESTED";
    public const string InProgress = "IN_PROGRESS";
    public const string RollbackRequested = "ROLLBACK_REQUESTED";
    public const string RollbackInProgress = "ROLLBACK_IN_PROGRESS";
    public const string RollbackSuccessful = "ROLLBACK_SUCCESSFUL";
    public const string RollbackFailed = "ROLLBACK_FAILED";
}
