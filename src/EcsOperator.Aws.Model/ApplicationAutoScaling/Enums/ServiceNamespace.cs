namespace EcsOperator.Aws.Model.ApplicationAutoScaling;

/// <summary>
/// Values of the AWS <c>ServiceNamespace</c> enum; kept as strings so values AWS adds later still deserialize.
/// </summary>
public static class ServiceNamespace
{
    public const string Ecs = "ecs";
    public const string Elasticmapreduce = "elasticmapreduce";
    public const string Ec2 = "ec2";
    public const string Appstream = "appstream";
    public const string Dynamodb = "dynamodb";
    public const string Rds = "rds";
    public const string Sagemaker = "sagemaker";
    public const string CustomResource = "custom-resource";
    public const string Comprehend = "comprehend";
    public const string Lambda = "lambda";
    public const string Cassandra = "cassandra";
    public const string Kafka = "kafka";
    public const string Elasticache = "elasticache";
    public const string Neptune = "neptune";
    public const string Workspaces = "workspaces";
}
