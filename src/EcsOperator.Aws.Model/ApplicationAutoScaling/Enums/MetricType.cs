namespace EcsOperator.Aws.Model.ApplicationAutoScaling;

/// <summary>
/// Values of the AWS <c>MetricType</c> enum; kept as strings so values AWS adds later still deserialize.
/// </summary>
public static class MetricType
{
    public const string DynamoDBReadCapacityUtilization = "DynamoDBReadCapacityUtilization";
    public const string DynamoDBWriteCapacityUtilization = "DynamoDBWriteCapacityUtilization";
    public const string ALBRequestCountPerTarget = "ALBRequestCountPerTarget";
    public const string RDSReaderAverageCPUUtilization = "RDSReaderAverageCPUUtilization";
    public const string RDSReaderAverageDatabaseConnections = "RDSReaderAverageDatabaseConnections";
    public const string EC2SpotFleetRequestAverageCPUUtilization = "EC2SpotFleetRequestAverageCPUUtilization";
    public const string EC2SpotFleetRequestAverageNetworkIn = "EC2SpotFleetRequestAverageNetworkIn";
    public const string EC2SpotFleetRequestAverageNetworkOut = "EC2SpotFleetRequestAverageNetworkOut";
    public const string SageMakerVariantInvocationsPerInstance = "SageMakerVariantInvocationsPerInstance";
    public const string ECSServiceAverageCPUUtilization = "ECSServiceAverageCPUUtilization";
    public const string ECSServiceAverageMemoryUtilization = "ECSServiceAverageMemoryUtilization";
    public const string AppStreamAverageCapacityUtilization = "AppStreamAverageCapacityUtilization";
    public const string ComprehendInferenceUtilization = "ComprehendInferenceUtilization";
    public const string LambdaProvisionedConcurrencyUtilization = "LambdaProvisionedConcurrencyUtilization";
    public const string CassandraReadCapacityUtilization = "CassandraReadCapacityUtilization";
    public const string CassandraWriteCapacityUtilization = "CassandraWriteCapacityUtilization";
    public const string KafkaBrokerStorageUtilization = "KafkaBrokerStorageUtilization";
    public const string ElastiCacheEngineCPUUtilization = "ElastiCacheEngineCPUUtilization";
    public const string ElastiCacheDatabaseMemoryUsagePercentage = "ElastiCacheDatabaseMemoryUsagePercentage";
    public const string ElastiCachePrimaryEngineCPUUtilization = "ElastiCachePrimaryEngineCPUUtilization";
    public const string ElastiCacheReplicaEngineCPUUtilization = "ElastiCacheReplicaEngineCPUUtilization";
    public const string ElastiCacheDatabaseMemoryUsageCountedForEvictPercentage = "ElastiCacheDatabaseMemoryUsageCountedForEvictPercentage";
    public const string NeptuneReaderAverageCPUUtilization = "NeptuneReaderAverageCPUUtilization";
    public const string SageMakerVariantProvisionedConcurrencyUtilization = "SageMakerVariantProvisionedConcurrencyUtilization";
    public const string ElastiCacheDatabaseCapacityUsageCountedForEvictPercentage = "ElastiCacheDatabaseCapacityUsageCountedForEvictPercentage";
    public const string SageMakerInferenceComponentInvocationsPerCopy = "SageMakerInferenceComponentInvocationsPerCopy";
    public const string WorkSpacesAverageUserSessionsCapacityUtilization = "WorkSpacesAverageUserSessionsCapacityUtilization";
    public const string SageMakerInferenceComponentConcurrentRequestsPerCopyHighResolution = "SageMakerInferenceComponentConcurrentRequestsPerCopyHighResolution";
    public const string SageMakerVariantConcurrentRequestsPerModelHighResolution = "SageMakerVariantConcurrentRequestsPerModelHighResolution";
}
