namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// Values of the AWS <c>DeploymentLifecycleHookTargetType</c> enum; kept as strings so values AWS adds later still
/// deserialize.
/// </summary>
public static class DeploymentLifecycleHookTargetType
{
    public const string AwsLambda = "AWS_LAMBDA";
    public const string Pause = "PAUSE";
}
