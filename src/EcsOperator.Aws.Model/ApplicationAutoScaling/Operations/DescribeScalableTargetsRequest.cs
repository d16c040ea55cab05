using System.ComponentModel.DataAnnotations;

namespace EcsOperator.Aws.Model.ApplicationAutoScaling;

/// <summary>
/// The request of the <c>DescribeScalableTargets</c> operation. Gets information about the scalable targets in the
/// specified namespace. You can filter the results using ResourceIds and ScalableDimension.
/// </summary>
public sealed record DescribeScalableTargetsRequest
{
    /// <summary>
    /// The namespace of the Amazon Web Services service that provides the resource. For a resource provided by your
    /// own application or service, use custom-resource instead.
    /// </summary>
    [Required]
    [AllowedValues("ecs", "elasticmapreduce", "ec2", "appstream", "dynamodb", "rds", "sagemaker", "custom-resource", "comprehend", "lambda", "cassandra", "kafka", "elasticache", "neptune", "workspaces")]
    public string? ServiceNamespace { get; init; }

    /// <summary>
    /// The identifier of the resource associated with the scalable target. This string consists of the resource
    /// type and unique identifier.
    /// </summary>
    [SchemaMaxLength(50)]
    public IReadOnlyList<string>? ResourceIds { get; init; }

    /// <summary>
    /// The scalable dimension associated with the scalable target. This string consists of the service namespace,
    /// resource type, and scaling property.
    /// </summary>
    [AllowedValues("ecs:service:DesiredCount", "ec2:spot-fleet-request:TargetCapacity", "elasticmapreduce:instancegroup:InstanceCount", "appstream:fleet:DesiredCapacity", "dynamodb:table:ReadCapacityUnits", "dynamodb:table:WriteCapacityUnits", "dynamodb:index:ReadCapacityUnits", "dynamodb:index:WriteCapacityUnits", "rds:cluster:ReadReplicaCount", "sagemaker:variant:DesiredInstanceCount", "custom-resource:ResourceType:Property", "comprehend:document-classifier-endpoint:DesiredInferenceUnits", "comprehend:entity-recognizer-endpoint:DesiredInferenceUnits", "lambda:function:ProvisionedConcurrency", "cassandra:table:ReadCapacityUnits", "cassandra:table:WriteCapacityUnits", "kafka:broker-storage:VolumeSize", "elasticache:cache-cluster:Nodes", "elasticache:replication-group:NodeGroups", "elasticache:replication-group:Replicas", "neptune:cluster:ReadReplicaCount", "sagemaker:variant:DesiredProvisionedConcurrency", "sagemaker:inference-component:DesiredCopyCount", "workspaces:workspacespool:DesiredUserSessions")]
    public string? ScalableDimension { get; init; }

    /// <summary>
    /// The maximum number of scalable targets. This value can be between 1 and 50. The default value is 50.
    /// </summary>
    public int? MaxResults { get; init; }

    /// <summary>
    /// The token for the next set of results.
    /// </summary>
    public string? NextToken { get; init; }
}
