namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// Values of the AWS <c>DeploymentStrategy</c> enum; kept as strings so values AWS adds later still deserialize.
/// </summary>
public static class DeploymentStrategy
{
    public const string Rolling = "ROLLING";
    public const string BlueGreen = "BLUE_GREEN";
    public const string Linear = "LINEAR";
    public const string Canary = "CANARY";
}
