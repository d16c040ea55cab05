namespace EcsOperator.Aws.Transport;

/// <summary>An AWS JSON 1.1 service: its SigV4 signing name, endpoint prefix and <c>X-Amz-Target</c> prefix.</summary>
public sealed record AwsService(string SigningName, string EndpointPrefix, string TargetPrefix)
{
    public static readonly AwsService Ecs = new("ecs", "ecs", "AmazonEC2ContainerServiceV20141113");

    public static readonly AwsService ApplicationAutoScaling =
        new("application-autoscaling", "application-autoscaling", "AnyScaleFrontendService");
}
