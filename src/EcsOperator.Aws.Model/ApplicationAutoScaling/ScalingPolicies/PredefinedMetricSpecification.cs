using System.ComponentModel.DataAnnotations;

namespace EcsOperator.Aws.Model.ApplicationAutoScaling;

/// <summary>
/// Represents a predefined metric for a target tracking scaling policy to use with Application Auto Scaling.
/// </summary>
public sealed record PredefinedMetricSpecification
{
    /// <summary>
    /// The metric, for ECS one of ECSServiceAverageCPUUtilization, ECSServiceAverageMemoryUtilization or
    /// ALBRequestCountPerTarget.
    /// </summary>
    [Required]
    [AllowedValues("DynamoDBReadCapacityUtilization", "DynamoDBWriteCapacityUtilization", "ALBRequestCountPerTarget", "RDSReaderAverageCPUUtilization", "RDSReaderAverageDatabaseConnections", "EC2SpotFleetRequestAverageCPUUtilization", "EC2SpotFleetRequestAverageNetworkIn", "EC2SpotFleetRequestAverageNetworkOut", "SageMakerVariantInvocationsPerInstance", "ECSServiceAverageCPUUtilization", "ECSServiceAverageMemoryUtilization", "AppStreamAverageCapacityUtilization", "ComprehendInferenceUtilization", "LambdaProvisionedConcurrencyUtilization", "CassandraReadCapacityUtilization", "CassandraWriteCapacityUtilization", "KafkaBrokerStorageUtilization", "ElastiCacheEngineCPUUtilization", "ElastiCacheDatabaseMemoryUsagePercentage", "ElastiCachePrimaryEngineCPUUtilization", "ElastiCacheReplicaEngineCPUUtilization", "ElastiCacheDatabaseMemoryUsageCountedForEvictPercentage", "NeptuneReaderAverageCPUUtilization", "SageMakerVariantProvisionedConcurrencyUtilization", "ElastiCacheDatabaseCapacityUsageCountedForEvictPercentage", "SageMakerInferenceComponentInvocationsPerCopy", "WorkSpacesAverageUserSessionsCapacityUtilization", "SageMakerInferenceComponentConcurrentRequestsPerCopyHighResolution", "SageMakerVariantConcurrentRequestsPerModelHighResolution")]
    public string? PredefinedMetricType { get; init; }

    /// <summary>
    /// For ALBRequestCountPerTarget:
    /// app/&lt;load-balancer-name&gt;/&lt;id&gt;/targetgroup/&lt;target-group-name&gt;/&lt;id&gt;, identifying the
    /// target group whose requests are counted.
    /// </summary>
    [SchemaLength(1, 1023)]
    public string? ResourceLabel { get; init; }
}
