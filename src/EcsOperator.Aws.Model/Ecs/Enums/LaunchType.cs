namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// Values of the AWS <c>LaunchType</c> enum; kept as strings so values AWS adds later still deserialize.
/// </summary>
public static class LaunchType
{
    public const string Ec2 = "EC2";
    public const string Fargate = "FARGATE";
    public const string External = "EXTERNAL";
    public const string ManagedInstances = "MANAGED_INSTANCES";
}
