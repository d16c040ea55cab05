using System.ComponentModel.DataAnnotations;

namespace EcsOperator.Aws.Model.ApplicationAutoScaling;

/// <summary>
/// Represents a predefined metric for a target tracking scaling policy to use with Application Auto Scaling.
/// </summary>
public sealed record PredefinedMetricSpecification
{
    /// <summary>
    /// The metric type. The ALBRequestCountPerTarget metric type applies only to Spot Fleets and ECS services.
    /// </summary>
    [Required]
    [AllowedValues("DynamoDBReadCapacityUtilization", "DynamoDBWriteCapacityUtilization", "ALBRequestCountPerTarget", "RDSReaderAverageCPUUtilization", "RDSReaderAverageDatabaseConnections", "EC2SpotFleetRequestAverageCPUUtilization", "EC2SpotFleetRequestAverageNetworkIn", "EC2SpotFleetRequestAverageNetworkOut", "SageMakerVariantInvocationsPerInstance", "ECSServiceAverageCPUUtilization", "ECSServiceAverageMemoryUtilization", "AppStreamAverageCapacityUtilization", "ComprehendInferenceUtilization", "LambdaProvisionedConcurrencyUtilization", "CassandraReadCapacityUtilization", "CassandraWriteCapacityUtilization", "KafkaBrokerStorageUtilization", "ElastiCacheEngineCPUUtilization", "ElastiCacheDatabaseMemoryUsagePercentage", "ElastiCachePrimaryEngineCPUUtilization", "ElastiCacheReplicaEngineCPUUtilization", "ElastiCacheDatabaseMemoryUsageCountedForEvictPercentage", "NeptuneReaderAverageCPUUtilization", "SageMakerVariantProvisionedConcurrencyUtilization", "ElastiCacheDatabaseCapacityUsageCountedForEvictPercentage", "SageMakerInferenceComponentInvocationsPerCopy", "WorkSpacesAverageUserSessionsCapacityUtilization", "SageMakerInferenceComponentConcurrentRequestsPerCopyHighResolution", "SageMakerVariantConcurrentRequestsPerModelHighResolution")]
    public string? PredefinedMetricType { get; init; }

    /// <summary>
    /// Identifies the resource associated with the metric type. You can't specify a resource label unless the
    /// metric type is ALBRequestCountPerTarget and there is a target group attached to the Spot Fleet or ECS
    /// service.
    /// </summary>
    [Length(1, 1023)]
    public string? ResourceLabel { get; init; }
}
