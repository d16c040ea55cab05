namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// Values of the AWS <c>DeploymentLifecycleHookStatus</c> enum; kept as strings so values AWS adds later still
/// deserialize.
/// </summary>
public static class DeploymentLifecycleHookStatus
{
    public const string AwaitingAction = "AWAITING_ACTION";
    public const string InProgress = "IN_PROGRESS";
    public const string Succeeded = "SUCCEEDED";
    public const string Failed = "FAILED";
    public const string TimedOut = "TIMED_OUT";
}
