using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using EcsOperator.Api.Crds;
using EcsOperator.Api.Shared;
using EcsOperator.Aws.Model;
using EcsOperator.Aws.Model.Ecs;

namespace EcsOperator.Api.Tasks;

/// <summary>
/// One run of a task, like a Job: the RunTask parameters under their ECS names, plus how long to keep the object
/// after it finished. The spec is read once, when the run starts.
/// </summary>
[CelRule("has(self.taskDefinitionRef) != has(self.taskDefinition)", "set exactly one of taskDefinitionRef and taskDefinition")]
[CelRule("!(has(self.cluster) && has(self.clusterRef))", "set at most one of cluster and clusterRef (neither means the default cluster)")]
[CelRule("!(has(self.launchType) && has(self.capacityProviderStrategy) && size(self.capacityProviderStrategy) > 0)",
    "set launchType or capacityProviderStrategy, not both (neither means the cluster's default strategy)")]
public sealed record EcsTaskSpec
{
    /// <summary>The short name or full ARN of the cluster to run in. Neither this nor clusterRef means the default cluster.</summary>
    [SchemaLength(1, 2048)]
    public string? Cluster { get; init; }

    /// <summary>An EcsCluster in the same namespace to run in.</summary>
    public LocalObjectReference? ClusterRef { get; init; }

    /// <summary>An EcsTaskDefinition in the same namespace: its current revision is run.</summary>
    public LocalObjectReference? TaskDefinitionRef { get; init; }

    /// <summary>A task definition the operator does not manage: family:revision, family (latest ACTIVE revision) or full ARN.</summary>
    [SchemaLength(1, 2048)]
    public string? TaskDefinition { get; init; }

    /// <summary>How many copies of the task to start (1 to 10).</summary>
    [Range(1, 10)]
    [DefaultValue(1)]
    public int? Count { get; init; }

    /// <summary>The infrastructure to run on: EC2, FARGATE, EXTERNAL or MANAGED_INSTANCES. Mutually exclusive with capacityProviderStrategy.</summary>
    [AllowedValues("EC2", "FARGATE", "EXTERNAL", "MANAGED_INSTANCES")]
    [SchemaMaxLength(32)]
    public string? LaunchType { get; init; }

    /// <summary>The capacity provider strategy (identified by capacityProvider). Mutually exclusive with launchType.</summary>
    [SchemaMaxLength(20)]
    [ListKey("capacityProvider")]
    public IReadOnlyList<CapacityProviderStrategyItem>? CapacityProviderStrategy { get; init; }

    /// <summary>The Fargate platform version (e.g. 1.4.0); ECS uses LATEST when omitted.</summary>
    [SchemaMaxLength(64)]
    public string? PlatformVersion { get; init; }

    /// <summary>The awsvpc network configuration: subnets, security groups, public IP.</summary>
    public NetworkConfiguration? NetworkConfiguration { get; init; }

    /// <summary>Overrides of the task definition for this run: container commands, environment, cpu/memory, roles.</summary>
    public TaskOverride? Overrides { get; init; }

    /// <summary>The task group (e.g. family:my-family-name) the tasks belong to, for placement and listing.</summary>
    [SchemaMaxLength(255)]
    public string? Group { get; init; }

    /// <summary>
    /// An optional tag (up to 128 letters, numbers, hyphens, forward slashes and underscores) recorded on the tasks.
    /// The operator uses the object's UID when omitted, so a restarted operator finds tasks it already started.
    /// </summary>
    [SchemaLength(1, 128)]
    [RegularExpression("^[a-zA-Z0-9_/-]+$")]
    public string? StartedBy { get; init; }

    /// <summary>Task placement constraints (at most 10). Not supported on Fargate.</summary>
    [SchemaMaxLength(10)]
    public IReadOnlyList<PlacementConstraint>? PlacementConstraints { get; init; }

    /// <summary>Task placement strategies (at most 5). Not supported on Fargate.</summary>
    [SchemaMaxLength(5)]
    public IReadOnlyList<PlacementStrategy>? PlacementStrategy { get; init; }

    /// <summary>Copies tags from the task definition to the tasks: TASK_DEFINITION or NONE. (SERVICE is for services only.)</summary>
    [AllowedValues("TASK_DEFINITION", "NONE")]
    public string? PropagateTags { get; init; }

    /// <summary>Turns on ECS Exec (execute-command) for the tasks.</summary>
    public bool? EnableExecuteCommand { get; init; }

    /// <summary>Turns on ECS managed tags for the tasks.</summary>
    [JsonPropertyName("enableECSManagedTags")]
    public bool? EnableECSManagedTags { get; init; }

    /// <summary>The Amazon EBS volumes configured at launch, by the name of the task definition's volume.</summary>
    [ListKey("name")]
    public IReadOnlyList<TaskVolumeConfiguration>? VolumeConfigurations { get; init; }

    /// <summary>Tags for the tasks (at most 50, identified by key). The operator adds its ownership tags.</summary>
    [SchemaMaxLength(50)]
    [ListKey("key")]
    public IReadOnlyList<Tag>? Tags { get; init; }

    /// <summary>Seconds after the run finished (all tasks STOPPED) before the operator deletes this object. Omitted: keep it.</summary>
    [Range(0, int.MaxValue)]
    public int? TtlSecondsAfterFinished { get; init; }

    /// <summary>Delete stops still-running tasks when this object is deleted; Retain leaves them running.</summary>
    [DefaultValue(DeletionPolicy.Delete)]
    public DeletionPolicy DeletionPolicy { get; init; } = DeletionPolicy.Delete;
}
