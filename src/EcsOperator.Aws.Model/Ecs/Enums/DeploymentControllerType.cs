namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// Values of the AWS <c>DeploymentControllerType</c> enum; kept as strings so values AWS adds later still
/// deserialize.
/// </summary>
public static class DeploymentControllerType
{
    public const string Ecs = "ECS";
    public const string CodeDeploy = "CODE_DEPLOY";
    public const string External = "EXTERNAL";
}
