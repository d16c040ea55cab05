using System.ComponentModel.DataAnnotations;

namespace EcsOperator.Aws.Model.ApplicationAutoScaling;

/// <summary>
/// The request of the <c>PutScheduledAction</c> operation. Creates or updates a scheduled action for an Application
/// Auto Scaling scalable target. Each scalable target is identified by a service namespace, resource ID, and
/// scalable dimension.
/// </summary>
public sealed record PutScheduledActionRequest
{
    /// <summary>
    /// The namespace of the Amazon Web Services service that provides the resource. For a resource provided by your
    /// own application or service, use custom-resource instead.
    /// </summary>
    [Required]
    [AllowedValues("ecs", "elasticmapreduce", "ec2", "appstream", "dynamodb", "rds", "sagemaker", "custom-resource", "comprehend", "lambda", "cassandra", "kafka", "elasticache", "neptune", "workspaces")]
    public string? ServiceNamespace { get; init; }

    /// <summary>
    /// When the action runs: at(yyyy-mm-ddThh:mm:ss), rate(value unit) or cron(fields), evaluated in timezone (UTC
    /// by default).
    /// </summary>
    [SchemaLength(1, 1600)]
    public string? Schedule { get; init; }

    /// <summary>
    /// The IANA time zone (for example Europe/Berlin) of at and cron schedules; UTC by default.
    /// </summary>
    [SchemaLength(1, 1600)]
    public string? Timezone { get; init; }

    /// <summary>
    /// The name of the scheduled action. This name must be unique among all other scheduled actions on the
    /// specified scalable target.
    /// </summary>
    [Required]
    [SchemaLength(1, 256)]
    public string? ScheduledActionName { get; init; }

    /// <summary>
    /// The identifier of the resource associated with the scheduled action. This string consists of the resource
    /// type and unique identifier.
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
    /// When a recurring schedule starts to take effect.
    /// </summary>
    public DateTimeOffset? StartTime { get; init; }

    /// <summary>
    /// When a recurring schedule stops taking effect.
    /// </summary>
    public DateTimeOffset? EndTime { get; init; }

    /// <summary>
    /// The minimum and/or maximum capacity the scalable target gets when the action runs.
    /// </summary>
    public ScalableTargetAction? ScalableTargetAction { get; init; }
}
