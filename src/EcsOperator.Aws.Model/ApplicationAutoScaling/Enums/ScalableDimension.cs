namespace EcsOperator.Aws.Model.ApplicationAutoScaling;

/// <summary>
/// Values of the AWS <c>ScalableDimension</c> enum; kept as strings so values AWS adds later still deserialize.
/// </summary>
public static class ScalableDimension
{
    public const string EcsServiceDesiredCount = "ecs:service:DesiredCount";
    public const string Ec2SpotFleetRequestTargetCapacity = "ec2:spot-fleet-request:TargetCapacity";
    public const string ElasticmapreduceInstancegroupInstanceCount = "elasticmapreduce:instancegroup:InstanceCount";
    public const string AppstreamFleetDesiredCapacity = "appstream:fleet:DesiredCapacity";
    public const string DynamodbTableReadCapacityUnits = "dynamodb:table:ReadCapacityUnits";
    public const string DynamodbTableWriteCapacityUnits = "dynamodb:table:WriteCapacityUnits";
    public const string DynamodbIndexReadCapacityUnits = "dynamodb:index:ReadCapacityUnits";
    public const string DynamodbIndexWriteCapacityUnits = "dynamodb:index:WriteCapacityUnits";
    public const string RdsClusterReadReplicaCount = "rds:cluster:ReadReplicaCount";
    public const string SagemakerVariantDesiredInstanceCount = "sagemaker:variant:DesiredInstanceCount";
    public const string CustomResourceResourceTypeProperty = "custom-resource:ResourceType:Property";
    public const string ComprehendDocumentClassifierEndpointDesiredInferenceUnits = "comprehend:document-classifier-endpoint:DesiredInferenceUnits";
    public const string ComprehendEntityRecognizerEndpointDesiredInferenceUnits = "comprehend:entity-recognizer-endpoint:DesiredInferenceUnits";
    public const string LambdaFunctionProvisionedConcurrency = "lambda:function:ProvisionedConcurrency";
    public const string CassandraTableReadCapacityUnits = "cassandra:table:ReadCapacityUnits";
    public const string CassandraTableWriteCapacityUnits = "cassandra:table:WriteCapacityUnits";
    public const string KafkaBrokerStorageVolumeSize = "kafka:broker-storage:VolumeSize";
    public const string ElasticacheCacheClusterNodes = "elasticache:cache-cluster:Nodes";
    public const string ElasticacheReplicationGroupNodeGroups = "elasticache:replication-group:NodeGroups";
    public const string ElasticacheReplicationGroupReplicas = "elasticache:replication-group:Replicas";
    public const string NeptuneClusterReadReplicaCount = "neptune:cluster:ReadReplicaCount";
    public const string SagemakerVariantDesiredProvisionedConcurrency = "sagemaker:variant:DesiredProvisionedConcurrency";
    public const string SagemakerInferenceComponentDesiredCopyCount = "sagemaker:inference-component:DesiredCopyCount";
    public const string WorkspacesWorkspacespoolDesiredUserSessions = "workspaces:workspacespool:DesiredUserSessions";
}
