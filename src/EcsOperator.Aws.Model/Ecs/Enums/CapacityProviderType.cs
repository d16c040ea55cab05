namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// Values of the AWS <c>CapacityProviderType</c> enum; kept as strings so values AWS adds later still deserialize.
/// </summary>
public static class CapacityProviderType
{
    public const string Ec2Autoscaling = "EC2_AUTOSCALING";
    public const string ManagedInstances = "MANAGED_INSTANCES";
    public const string Fargate = "FARGATE";
    public const string FargateSpot = "FARGATE_SPOT";
}
