namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// Values of the AWS <c>DeploymentRolloutState</c> enum; kept as strings so values AWS adds later still
/// deserialize.
/// </summary>
public static class DeploymentRolloutState
{
    public const string Completed = "COMPLETED";
    public const string Failed = "FAILED";
    public const string InProgress = "IN_PROGRESS";
}
