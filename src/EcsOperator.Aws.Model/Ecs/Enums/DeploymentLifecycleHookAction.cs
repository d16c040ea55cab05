namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// Values of the AWS <c>DeploymentLifecycleHookAction</c> enum; kept as strings so values AWS adds later still
/// deserialize.
/// </summary>
public static class DeploymentLifecycleHookAction
{
    public const string Rollback = "ROLLBACK";
    public const string Continue = "CONTINUE";
}
