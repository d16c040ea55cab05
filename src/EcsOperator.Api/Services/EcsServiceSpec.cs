using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using EcsOperator.Api.Crds;
using EcsOperator.Api.Shared;
using EcsOperator.Api.TaskDefinitions;
using EcsOperator.Aws.Model;
using EcsOperator.Aws.Model.Ecs;

namespace EcsOperator.Api.Services;

/// <summary>
/// The desired ECS service: the CreateService / UpdateService parameters under their ECS names, where its task
/// definition comes from, its autoscaling, and the operator's policies.
/// </summary>
[CelRule(ExactlyOneTaskDefinitionSource,
    "set exactly one of taskDefinitionRef, taskDefinition or taskDefinitionTemplate")]
[CelRule(AtMostOneCluster, "set at most one of cluster and clusterRef (neither means the default cluster)")]
[CelRule(LaunchTypeOrCapacityProviders,
    "set launchType or capacityProviderStrategy, not both (neither means the cluster's default strategy)")]
[CelRule(DaemonHasNoDesiredCount,
    "schedulingStrategy DAEMON runs one task per instance: desiredCount and autoScaling are not allowed")]
[CelRule(DaemonHasNoPlacementStrategy,
    "schedulingStrategy DAEMON places one task on each instance: placementStrategy is not allowed (placementConstraints are)")]
[CelRule(DaemonNotOnFargate, "schedulingStrategy DAEMON needs EC2 (or EXTERNAL) container instances: launchType FARGATE is not allowed")]
[CelRule(TrafficShiftNeedsAlternateTargetGroup,
    "deploymentConfiguration.strategy BLUE_GREEN, LINEAR and CANARY shift traffic between two target groups: give a load balancer an advancedConfiguration (alternateTargetGroupArn, productionListenerRule, roleArn) or use serviceConnectConfiguration")]
[CelRule(StrategyNeedsEcsController,
    "deploymentConfiguration.strategy other than ROLLING needs deploymentController ECS (CODE_DEPLOY and EXTERNAL deploy on their own)")]
[CelRule(LinearConfigurationOnlyForLinear, "deploymentConfiguration.linearConfiguration is only valid with strategy LINEAR")]
[CelRule(CanaryConfigurationOnlyForCanary, "deploymentConfiguration.canaryConfiguration is only valid with strategy CANARY")]
[CelRule(LinearStepPercentBounds, "deploymentConfiguration.linearConfiguration.stepPercent must be between 3.0 and 100.0")]
[CelRule(CanaryPercentBounds, "deploymentConfiguration.canaryConfiguration.canaryPercent must be between 0.1 and 100.0")]
[CelRule(BakeTimeBounds,
    "bakeTimeInMinutes, linearConfiguration.stepBakeTimeInMinutes and canaryConfiguration.canaryBakeTimeInMinutes must be between 0 and 1440 (24 hours)")]
public sealed record EcsServiceSpec
{
    private const string Strategy = "(has(self.deploymentConfiguration) && has(self.deploymentConfiguration.strategy) ? self.deploymentConfiguration.strategy : 'ROLLING')";

    internal const string TrafficShiftNeedsAlternateTargetGroup =
        Strategy + " == 'ROLLING' || has(self.serviceConnectConfiguration) || (has(self.loadBalancers) && self.loadBalancers.exists(lb, has(lb.advancedConfiguration) && has(lb.advancedConfiguration.alternateTargetGroupArn) && has(lb.advancedConfiguration.productionListenerRule)))";

    internal const string StrategyNeedsEcsController =
        Strategy + " == 'ROLLING' || !has(self.deploymentController) || !has(self.deploymentController.type) || self.deploymentController.type == 'ECS'";

    internal const string LinearConfigurationOnlyForLinear =
        "!has(self.deploymentConfiguration) || !has(self.deploymentConfiguration.linearConfiguration) || " + Strategy + " == 'LINEAR'";

    internal const string CanaryConfigurationOnlyForCanary =
        "!has(self.deploymentConfiguration) || !has(self.deploymentConfiguration.canaryConfiguration) || " + Strategy + " == 'CANARY'";

    internal const string LinearStepPercentBounds =
        "!has(self.deploymentConfiguration) || !has(self.deploymentConfiguration.linearConfiguration) || !has(self.deploymentConfiguration.linearConfiguration.stepPercent) || (self.deploymentConfiguration.linearConfiguration.stepPercent >= 3.0 && self.deploymentConfiguration.linearConfiguration.stepPercent <= 100.0)";

    internal const string CanaryPercentBounds =
        "!has(self.deploymentConfiguration) || !has(self.deploymentConfiguration.canaryConfiguration) || !has(self.deploymentConfiguration.canaryConfiguration.canaryPercent) || (self.deploymentConfiguration.canaryConfiguration.canaryPercent >= 0.1 && self.deploymentConfiguration.canaryConfiguration.canaryPercent <= 100.0)";

    internal const string BakeTimeBounds =
        "!has(self.deploymentConfiguration) || ("
        + "(!has(self.deploymentConfiguration.bakeTimeInMinutes) || (self.deploymentConfiguration.bakeTimeInMinutes >= 0 && self.deploymentConfiguration.bakeTimeInMinutes <= 1440))"
        + " && (!has(self.deploymentConfiguration.linearConfiguration) || !has(self.deploymentConfiguration.linearConfiguration.stepBakeTimeInMinutes) || (self.deploymentConfiguration.linearConfiguration.stepBakeTimeInMinutes >= 0 && self.deploymentConfiguration.linearConfiguration.stepBakeTimeInMinutes <= 1440))"
        + " && (!has(self.deploymentConfiguration.canaryConfiguration) || !has(self.deploymentConfiguration.canaryConfiguration.canaryBakeTimeInMinutes) || (self.deploymentConfiguration.canaryConfiguration.canaryBakeTimeInMinutes >= 0 && self.deploymentConfiguration.canaryConfiguration.canaryBakeTimeInMinutes <= 1440)))";

    internal const string ExactlyOneTaskDefinitionSource =
        "(has(self.taskDefinitionRef) ? 1 : 0) + (has(self.taskDefinition) ? 1 : 0) + (has(self.taskDefinitionTemplate) ? 1 : 0) == 1";

    internal const string AtMostOneCluster = "!(has(self.cluster) && has(self.clusterRef))";

    internal const string LaunchTypeOrCapacityProviders =
        "!(has(self.launchType) && has(self.capacityProviderStrategy) && size(self.capacityProviderStrategy) > 0)";

    internal const string DaemonHasNoDesiredCount =
        "!has(self.schedulingStrategy) || self.schedulingStrategy != 'DAEMON' || (!has(self.desiredCount) && !has(self.autoScaling))";

    internal const string DaemonHasNoPlacementStrategy =
        "!has(self.schedulingStrategy) || self.schedulingStrategy != 'DAEMON' || !has(self.placementStrategy) || size(self.placementStrategy) == 0";

    internal const string DaemonNotOnFargate =
        "!has(self.schedulingStrategy) || self.schedulingStrategy != 'DAEMON' || !has(self.launchType) || self.launchType != 'FARGATE'";

    /// <summary>
    /// The name of the ECS service (up to 255 letters, numbers, hyphens and underscores, unique in the cluster).
    /// Defaults to metadata.name. Immutable.
    /// </summary>
    [SchemaLength(1, 255)]
    [RegularExpression("^[a-zA-Z0-9_-]+$")]
    public string? ServiceName { get; init; }

    /// <summary>
    /// An EcsTaskDefinition in the same namespace: the service rolls to each new revision it registers, exactly once.
    /// </summary>
    public LocalObjectReference? TaskDefinitionRef { get; init; }

    /// <summary>
    /// A task definition the operator does not manage: family:revision, family (latest ACTIVE revision) or full ARN.
    /// </summary>
    [SchemaLength(1, 2048)]
    public string? TaskDefinition { get; init; }

    /// <summary>
    /// An inline task definition owned by the service: the same fields as EcsTaskDefinition.spec. The family defaults
    /// to &lt;namespace&gt;-&lt;name&gt; of this service.
    /// </summary>
    public TaskDefinitionTemplate? TaskDefinitionTemplate { get; init; }

    /// <summary>The short name or full ARN of the cluster to run the service in. Neither this nor clusterRef means the default cluster.</summary>
    [SchemaLength(1, 2048)]
    public string? Cluster { get; init; }

    /// <summary>An EcsCluster in the same namespace to run the service in.</summary>
    public LocalObjectReference? ClusterRef { get; init; }

    /// <summary>
    /// The number of tasks to keep running. With autoScaling, the autoscaler owns it: it is only used (clamped to
    /// minCapacity/maxCapacity) when the service is created. Not allowed with schedulingStrategy DAEMON.
    /// </summary>
    [Range(0, int.MaxValue)]
    public int? DesiredCount { get; init; }

    /// <summary>
    /// The infrastructure to run on: EC2, FARGATE, EXTERNAL or MANAGED_INSTANCES. Mutually exclusive with
    /// capacityProviderStrategy. Immutable in ECS (changing it needs a new service).
    /// </summary>
    [AllowedValues("EC2", "FARGATE", "EXTERNAL", "MANAGED_INSTANCES")]
    [SchemaMaxLength(32)]
    public string? LaunchType { get; init; }

    /// <summary>
    /// The capacity provider strategy (at most 20 providers, identified by capacityProvider). Mutually exclusive with
    /// launchType; changing it starts a new deployment.
    /// </summary>
    [SchemaMaxLength(20)]
    [ListKey("capacityProvider")]
    public IReadOnlyList<CapacityProviderStrategyItem>? CapacityProviderStrategy { get; init; }

    /// <summary>The Fargate platform version (e.g. 1.4.0); ECS uses LATEST when omitted.</summary>
    [SchemaMaxLength(64)]
    public string? PlatformVersion { get; init; }

    /// <summary>
    /// REPLICA keeps desiredCount tasks spread across the cluster; DAEMON runs one task on every container instance.
    /// Immutable.
    /// </summary>
    [AllowedValues("REPLICA", "DAEMON")]
    [SchemaMaxLength(16)]
    [DefaultValue("REPLICA")]
    public string? SchedulingStrategy { get; init; }

    /// <summary>
    /// The awsvpc network configuration: subnets, security groups and whether to assign a public IP. Required for
    /// task definitions using networkMode awsvpc.
    /// </summary>
    public NetworkConfiguration? NetworkConfiguration { get; init; }

    /// <summary>The load balancer target groups the service registers its tasks with (container name and port per target group).</summary>
    public IReadOnlyList<LoadBalancer>? LoadBalancers { get; init; }

    /// <summary>The Cloud Map service registries the service registers its tasks with.</summary>
    public IReadOnlyList<ServiceRegistry>? ServiceRegistries { get; init; }

    /// <summary>The Service Connect configuration: the namespace and the ports the service exposes or consumes.</summary>
    public ServiceConnectConfiguration? ServiceConnectConfiguration { get; init; }

    /// <summary>
    /// How deployments proceed: maximumPercent, minimumHealthyPercent, the deployment circuit breaker, CloudWatch
    /// alarms, and the strategy (ROLLING, BLUE_GREEN, LINEAR, CANARY) with bake time and lifecycle hooks.
    /// </summary>
    public DeploymentConfiguration? DeploymentConfiguration { get; init; }

    /// <summary>The deployment controller type: ECS (default), CODE_DEPLOY or EXTERNAL.</summary>
    public DeploymentController? DeploymentController { get; init; }

    /// <summary>The task placement strategies, evaluated in order (at most 5). Not supported on Fargate.</summary>
    [SchemaMaxLength(5)]
    public IReadOnlyList<PlacementStrategy>? PlacementStrategy { get; init; }

    /// <summary>The task placement constraints (at most 10). Not supported on Fargate.</summary>
    [SchemaMaxLength(10)]
    public IReadOnlyList<PlacementConstraint>? PlacementConstraints { get; init; }

    /// <summary>
    /// Seconds the scheduler ignores failing load balancer, VPC Lattice and container health checks after a task
    /// has first started.
    /// </summary>
    [Range(0, int.MaxValue)]
    public int? HealthCheckGracePeriodSeconds { get; init; }

    /// <summary>Turns on ECS Exec (execute-command) for the service's tasks. ECS default: false.</summary>
    [DefaultValue(false)]
    public bool? EnableExecuteCommand { get; init; }

    /// <summary>Turns on ECS managed tags (aws:ecs:clusterName, aws:ecs:serviceName) for the service's tasks. ECS default: false.</summary>
    [JsonPropertyName("enableECSManagedTags")]
    [DefaultValue(false)]
    public bool? EnableECSManagedTags { get; init; }

    /// <summary>Copies tags from the task definition or the service to its tasks: TASK_DEFINITION, SERVICE or NONE (ECS default).</summary>
    [AllowedValues("TASK_DEFINITION", "SERVICE", "NONE")]
    [DefaultValue("NONE")]
    public string? PropagateTags { get; init; }

    /// <summary>The Amazon EBS volumes configured at deployment time, by the name of the task definition's volume.</summary>
    [ListKey("name")]
    public IReadOnlyList<ServiceVolumeConfiguration>? VolumeConfigurations { get; init; }

    /// <summary>The VPC Lattice target groups the service registers its tasks with.</summary>
    public IReadOnlyList<VpcLatticeConfiguration>? VpcLatticeConfigurations { get; init; }

    /// <summary>Whether ECS rebalances tasks across Availability Zones: ENABLED or DISABLED.</summary>
    [AllowedValues("ENABLED", "DISABLED")]
    public string? AvailabilityZoneRebalancing { get; init; }

    /// <summary>
    /// Legacy: the IAM role ECS uses to call your load balancer, for task definitions not using awsvpc. Omit it to
    /// use the service-linked role (recommended).
    /// </summary>
    [SchemaMaxLength(2048)]
    public string? Role { get; init; }

    /// <summary>Tags for the service (at most 50, identified by key). The operator adds its ownership tags.</summary>
    [SchemaMaxLength(50)]
    [ListKey("key")]
    public IReadOnlyList<Tag>? Tags { get; init; }

    /// <summary>
    /// Application Auto Scaling for the service's desiredCount: capacity bounds, target-tracking, step and scheduled
    /// scaling. While set, the autoscaler owns desiredCount.
    /// </summary>
    public ServiceAutoScaling? AutoScaling { get; init; }

    /// <summary>Delete removes the service (and its autoscaling) from AWS with this object; Retain leaves it running, orphaned.</summary>
    [DefaultValue(DeletionPolicy.Delete)]
    public DeletionPolicy DeletionPolicy { get; init; } = DeletionPolicy.Delete;

    /// <summary>
    /// None refuses to manage an existing service of the same name that the operator does not own (Stalled, NotOwned);
    /// Adopt takes it over.
    /// </summary>
    [DefaultValue(AdoptionPolicy.None)]
    public AdoptionPolicy AdoptionPolicy { get; init; } = AdoptionPolicy.None;

    /// <summary>Correct reverts changes made outside the operator; Report only reports them in status.drift.</summary>
    [DefaultValue(DriftPolicy.Correct)]
    public DriftPolicy DriftPolicy { get; init; } = DriftPolicy.Correct;
}
