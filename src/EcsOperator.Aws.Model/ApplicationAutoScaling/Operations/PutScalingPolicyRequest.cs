using System.ComponentModel.DataAnnotations;

namespace EcsOperator.Aws.Model.ApplicationAutoScaling;

/// <summary>
/// The request of the <c>PutScalingPolicy</c> operation. Creates or updates a scaling policy for an Application
/// Auto Scaling scalable target. Each scalable target is identified by a service namespace, resource ID, and
/// scalable dimension.
/// </summary>
public sealed record PutScalingPolicyRequest
{
    /// <summary>
    /// The name of the scaling policy. You cannot change the name of a scaling policy, but you can delete the
    /// original scaling policy and create a new scaling policy with the same settings and a different name.
    /// </summary>
    [Required]
    [SchemaLength(1, 256)]
    public string? PolicyName { get; init; }

    /// <summary>
    /// The namespace of the Amazon Web Services service that provides the resource. For a resource provided by your
    /// own application or service, use custom-resource instead.
    /// </summary>
    [Required]
    [AllowedValues("ecs", "elasticmapreduce", "ec2", "appstream", "dynamodb", "rds", "sagemaker", "custom-resource", "comprehend", "lambda", "cassandra", "kafka", "elasticache", "neptune", "workspaces")]
    public string? ServiceNamespace { get; init; }

    /// <summary>
    /// The identifier of the resource associated with the scaling policy. This string consists of the resource type
    /// and unique identifier.
    /// </summary>
    [Required]
    [SchemaLength(1, 1600)]
    public string? ResourceId { get; init; }

    /// <summary>
    /// The scalable dimension.
    /// </summary>
    [Required]
    [AllowedValues("ecs:service:DesiredCount", "ec2:spot-fleet-request:TargetCapacity", "elasticmapreduce:instancegroup:InstanceCount", "appstream:fleet:DesiredCapacity", "dynamodb:table:ReadCapacityUnits", "dynamodb:table:WriteCapacityUnits", "dynamodb:index:ReadCapacityUnits", "dynamodb:index:WriteCapacityUnits", "rds:cluster:ReadReplicaCount", "sagemaker:variant:DesiredInstanceCount", "custom-resource:ResourceType:Property", "comprehend:document-classifier-endpoint:DesiredInferenceUnits", "comprehend:entity-recognizer-endpoint:DesiredInferenceUnits", "lambda:function:ProvisionedConcurrency", "cassandra:table:ReadCapacityUnits", "cassandra:table:WriteCapacityUnits", "kafka:broker-storage:VolumeSize", "elasticache:cache-cluster:Nodes", "elasticache:replication-group:NodeGroups", "elasticache:replication-group:Replicas", "neptune:cluster:ReadReplicaCount", "sagemaker:variant:DesiredProvisionedConcurrency", "sagemaker:inference-component:DesiredCopyCount", "workspaces:workspacespool:DesiredUserSessions")]
    public string? ScalableDimension { get; init; }

    /// <summary>
    /// The scaling policy type. This parameter is required if you are creating a scaling policy.
    /// </summary>
    [AllowedValues("StepScaling", "TargetTrackingScaling", "PredictiveScaling")]
    public string? PolicyType { get; init; }

    /// <summary>
    /// A step scaling policy. This parameter is required if you are creating a policy and the policy type is
    /// StepScaling.
    /// </summary>
    public StepScalingPolicyConfiguration? StepScalingPolicyConfiguration { get; init; }

    /// <summary>
    /// A target tracking scaling policy. Includes support for predefined or customized metrics.
    /// </summary>
    public TargetTrackingScalingPolicyConfiguration? TargetTrackingScalingPolicyConfiguration { get; init; }

    /// <summary>
    /// The configuration of the predictive scaling policy.
    /// </summary>
    public PredictiveScalingPolicyConfiguration? PredictiveScalingPolicyConfiguration { get; init; }
}
