using System.ComponentModel.DataAnnotations;

namespace EcsOperator.Aws.Model.ApplicationAutoScaling;

/// <summary>
/// The request of the <c>RegisterScalableTarget</c> operation. Registers or updates a scalable target, which is the
/// resource that you want to scale.
/// </summary>
public sealed record RegisterScalableTargetRequest
{
    /// <summary>
    /// The namespace of the Amazon Web Services service that provides the resource. For a resource provided by your
    /// own application or service, use custom-resource instead.
    /// </summary>
    [Required]
    [AllowedValues("ecs", "elasticmapreduce", "ec2", "appstream", "dynamodb", "rds", "sagemaker", "custom-resource", "comprehend", "lambda", "cassandra", "kafka", "elasticache", "neptune", "workspaces")]
    public string? ServiceNamespace { get; init; }

    /// <summary>
    /// The resource to scale; for an ECS service service/&lt;cluster-name&gt;/&lt;service-name&gt;.
    /// </summary>
    [Required]
    [SchemaLength(1, 1600)]
    public string? ResourceId { get; init; }

    /// <summary>
    /// The scalable dimension associated with the scalable target.
    /// </summary>
    [Required]
    [AllowedValues("ecs:service:DesiredCount", "ec2:spot-fleet-request:TargetCapacity", "elasticmapreduce:instancegroup:InstanceCount", "appstream:fleet:DesiredCapacity", "dynamodb:table:ReadCapacityUnits", "dynamodb:table:WriteCapacityUnits", "dynamodb:index:ReadCapacityUnits", "dynamodb:index:WriteCapacityUnits", "rds:cluster:ReadReplicaCount", "sagemaker:variant:DesiredInstanceCount", "custom-resource:ResourceType:Property", "comprehend:document-classifier-endpoint:DesiredInferenceUnits", "comprehend:entity-recognizer-endpoint:DesiredInferenceUnits", "lambda:function:ProvisionedConcurrency", "cassandra:table:ReadCapacityUnits", "cassandra:table:WriteCapacityUnits", "kafka:broker-storage:VolumeSize", "elasticache:cache-cluster:Nodes", "elasticache:replication-group:NodeGroups", "elasticache:replication-group:Replicas", "neptune:cluster:ReadReplicaCount", "sagemaker:variant:DesiredProvisionedConcurrency", "sagemaker:inference-component:DesiredCopyCount", "workspaces:workspacespool:DesiredUserSessions")]
    public string? ScalableDimension { get; init; }

    /// <summary>
    /// The lowest desired count scaling may set. Required when registering a new target.
    /// </summary>
    public int? MinCapacity { get; init; }

    /// <summary>
    /// The highest desired count scaling may set. Required when registering a new target.
    /// </summary>
    public int? MaxCapacity { get; init; }

    /// <summary>
    /// This parameter is required for services that do not support service-linked roles (such as Amazon EMR), and
    /// it must specify the ARN of an IAM role that allows Application Auto Scaling to modify the scalable target on
    /// your behalf.
    /// </summary>
    [SchemaLength(1, 1600)]
    public string? RoleARN { get; init; }

    /// <summary>
    /// An embedded object that contains attributes and attribute values that are used to suspend and resume
    /// automatic scaling. Setting it to false (default) resumes the specified scaling activities.
    /// </summary>
    public SuspendedState? SuspendedState { get; init; }

    /// <summary>
    /// Assigns one or more tags to the scalable target. Use this parameter to tag the scalable target when it is
    /// created.
    /// </summary>
    public IReadOnlyDictionary<string, string>? Tags { get; init; }
}
