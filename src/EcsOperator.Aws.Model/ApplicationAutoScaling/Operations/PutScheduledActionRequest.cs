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
    /// The schedule for this action. The following formats are supported: At expressions - "at( yyyy - mm - dd T hh
    /// : mm : ss )" Rate expressions - "rate( value unit )" Cron expressions - "cron( fields )" At expressions are
    /// useful for one-time schedules. At and cron expressions use Universal Coordinated Time (UTC) by default.
    /// </summary>
    [Length(1, 1600)]
    public string? Schedule { get; init; }

    /// <summary>
    /// Specifies the time zone used when setting a scheduled action by using an at or cron expression. If a time
    /// zone is not provided, UTC is used by default.
    /// </summary>
    [Length(1, 1600)]
    public string? Timezone { get; init; }

    /// <summary>
    /// The name of the scheduled action. This name must be unique among all other scheduled actions on the
    /// specified scalable target.
    /// </summary>
    [Required]
    [Length(1, 256)]
    public string? ScheduledActionName { get; init; }

    /// <summary>
    /// The identifier of the resource associated with the scheduled action. This string consists of the resource
    /// type and unique identifier.
    /// </summary>
    [Required]
    [Length(1, 1600)]
    public string? ResourceId { get; init; }

    /// <summary>
    /// The scalable dimension.
    /// </summary>
    [Required]
    [AllowedValues("ecs:service:DesiredCount", "ec2:spot-fleet-request:TargetCapacity", "elasticmapreduce:instancegroup:InstanceCount", "appstream:fleet:DesiredCapacity", "dynamodb:table:ReadCapacityUnits", "dynamodb:table:WriteCapacityUnits", "dynamodb:index:ReadCapacityUnits", "dynamodb:index:WriteCapacityUnits", "rds:cluster:ReadReplicaCount", "sagemaker:variant:DesiredInstanceCount", "custom-resource:ResourceType:Property", "comprehend:document-classifier-endpoint:DesiredInferenceUnits", "comprehend:entity-recognizer-endpoint:DesiredInferenceUnits", "lambda:function:ProvisionedConcurrency", "cassandra:table:ReadCapacityUnits", "cassandra:table:WriteCapacityUnits", "kafka:broker-storage:VolumeSize", "elasticache:cache-cluster:Nodes", "elasticache:replication-group:NodeGroups", "elasticache:replication-group:Replicas", "neptune:cluster:ReadReplicaCount", "sagemaker:variant:DesiredProvisionedConcurrency", "sagemaker:inference-component:DesiredCopyCount", "workspaces:workspacespool:DesiredUserSessions")]
    public string? ScalableDimension { get; init; }

    /// <summary>
    /// The date and time for this scheduled action to start, in UTC.
    /// </summary>
    public DateTimeOffset? StartTime { get; init; }

    /// <summary>
    /// The date and time for the recurring schedule to end, in UTC.
    /// </summary>
    public DateTimeOffset? EndTime { get; init; }

    /// <summary>
    /// The new minimum and maximum capacity. You can set both values or just one.
    /// </summary>
    public ScalableTargetAction? ScalableTargetAction { get; init; }
}
