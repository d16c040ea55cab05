using EcsOperator.Api.Services;
using EcsOperator.Api.Shared;
using EcsOperator.Api.TaskDefinitions;
using EcsOperator.Api.Tasks;
using EcsOperator.Aws.Model.ApplicationAutoScaling;
using EcsOperator.Aws.Model.Ecs;
using EcsOperator.Kubernetes.Informer;
using EcsOperator.Kubernetes.Model;

namespace EcsOperator.Hosting;

/// <summary>
/// Every list element type of our kinds (strings and conditions aside: the informer's own), so that the informer
/// caches decode each list as an exact array. Most lists hold one or two elements (a task definition's containers,
/// their ports, a service's deployments ...), and a <see cref="List{T}"/> around them costs 64 bytes or more per list:
/// about 1.3 MB of the live heap at 5,000 task definitions and services (issue 11, session 11).
/// CachedListTypesTests fails when a kind gains a list type not named here.
/// </summary>
public static class CachedListTypes
{
    public static InformerDecoding Decoding { get; } = new(
    [
        // Task definitions and their containers.
        new ExactArrayConverter<ContainerDefinition>(),
        new ExactArrayConverter<int>(), // a container restart policy's ignored exit codes
        new ExactArrayConverter<PortMapping>(),
        new ExactArrayConverter<NameValuePair>(),
        new ExactArrayConverter<Secret>(),
        new ExactArrayConverter<MountPoint>(),
        new ExactArrayConverter<EnvironmentFile>(),
        new ExactArrayConverter<ContainerDependency>(),
        new ExactArrayConverter<HostEntry>(),
        new ExactArrayConverter<ResourceRequirement>(),
        new ExactArrayConverter<SystemControl>(),
        new ExactArrayConverter<Ulimit>(),
        new ExactArrayConverter<VolumeFrom>(),
        new ExactArrayConverter<Device>(),
        new ExactArrayConverter<Tmpfs>(),
        new ExactArrayConverter<Volume>(),
        new ExactArrayConverter<TaskDefinitionPlacementConstraint>(),
        new ExactArrayConverter<InferenceAccelerator>(),
        // Services, clusters and tasks.
        new ExactArrayConverter<Tag>(),
        new ExactArrayConverter<LoadBalancer>(),
        new ExactArrayConverter<CapacityProviderStrategyItem>(),
        new ExactArrayConverter<PlacementConstraint>(),
        new ExactArrayConverter<PlacementStrategy>(),
        new ExactArrayConverter<ServiceRegistry>(),
        new ExactArrayConverter<ServiceVolumeConfiguration>(),
        new ExactArrayConverter<VpcLatticeConfiguration>(),
        new ExactArrayConverter<DeploymentLifecycleHook>(),
        new ExactArrayConverter<ServiceConnectService>(),
        new ExactArrayConverter<ServiceConnectClientAlias>(),
        new ExactArrayConverter<EBSTagSpecification>(),
        new ExactArrayConverter<ClusterSetting>(),
        new ExactArrayConverter<ContainerOverride>(),
        new ExactArrayConverter<InferenceAcceleratorOverride>(),
        new ExactArrayConverter<TaskVolumeConfiguration>(),
        // Service auto scaling.
        new ExactArrayConverter<StepAdjustment>(),
        new ExactArrayConverter<MetricDimension>(),
        new ExactArrayConverter<TargetTrackingMetricDataQuery>(),
        new ExactArrayConverter<TargetTrackingMetricDimension>(),
        // Our own status and references.
        new ExactArrayConverter<TaskDefinitionRevision>(),
        new ExactArrayConverter<DeploymentSummary>(),
        new ExactArrayConverter<TargetTrackingPolicy>(),
        new ExactArrayConverter<StepScalingPolicy>(),
        new ExactArrayConverter<ScheduledScaling>(),
        new ExactArrayConverter<LocalObjectReference>(),
        new ExactArrayConverter<TaskRunStatus>(),
        new ExactArrayConverter<ContainerRunStatus>(),
        new ExactArrayConverter<OwnerReference>(),
    ]);
}
