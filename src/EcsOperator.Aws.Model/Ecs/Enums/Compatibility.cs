namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// Values of the AWS <c>Compatibility</c> enum; kept as strings so values AWS adds later still deserialize.
/// </summary>
public static class Compatibility
{
    public const string Ec2 = "EC2";
    public const string Fargate = "FARGATE";
    public const string External = "EXTERNAL";
    public const string ManagedInstances = "MANAGED_INSTANCES";
}
