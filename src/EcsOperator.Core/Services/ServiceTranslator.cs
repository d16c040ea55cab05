using EcsOperator.Api.Services;
using EcsOperator.Aws.Model.Ecs;
using EcsOperator.Core.AutoScaling;
using EcsOperator.Core.Ownership;

namespace EcsOperator.Core.Services;

/// <summary>Turns an EcsService into the CreateService request it stands for.</summary>
public static class ServiceTranslator
{
    /// <summary>The ECS service name: <c>spec.serviceName</c>, else the object's name.</summary>
    public static string ServiceName(EcsService service) => service.Spec.ServiceName ?? service.Metadata.Name ?? string.Empty;

    /// <summary>
    /// Whether the operator sets the service's desired count: not while Application Auto Scaling owns it, not for
    /// DAEMON services (ECS runs one task per instance), and not when the spec leaves it open.
    /// </summary>
    public static bool ManagesDesiredCount(EcsServiceSpec spec) =>
        spec.AutoScaling is null && spec.SchedulingStrategy != "DAEMON" && spec.DesiredCount is not null;

    /// <summary>
    /// The desired count to create the service with: under auto scaling the spec's count (or the minimum) clamped
    /// into [min, max], so the autoscaler starts from a count it accepts; otherwise the spec's count, 1 if unset.
    /// </summary>
    public static int? DesiredCountOnCreate(EcsServiceSpec spec)
    {
        if (spec.SchedulingStrategy == "DAEMON")
            return null;
        if (spec.AutoScaling is { } scaling)
            return AutoScalingDesiredCount.OnCreate(scaling, spec.DesiredCount);
        return spec.DesiredCount ?? 1;
    }

    /// <param name="service">The EcsService.</param>
    /// <param name="taskDefinition">The resolved task definition: ARN or family:revision.</param>
    /// <param name="cluster">The resolved cluster name or ARN; null for the account's default cluster.</param>
    /// <param name="ownerTagValue">The value of the ownership tag (<see cref="OwnershipTags.OwnerValue"/>).</param>
    public static CreateServiceRequest ToCreateRequest(EcsService service, string taskDefinition, string? cluster, string ownerTagValue)
    {
        var spec = service.Spec;
        return new CreateServiceRequest
        {
            Cluster = cluster,
            ServiceName = ServiceName(service),
            TaskDefinition = taskDefinition,
            // ECS limits client tokens to 36 characters: exactly a Kubernetes UID, unique per object.
            ClientToken = service.Metadata.Uid,
            DesiredCount = DesiredCountOnCreate(spec),
            LaunchType = spec.LaunchType,
            CapacityProviderStrategy = spec.CapacityProviderStrategy is { Count: > 0 } strategy ? strategy : null,
            PlatformVersion = spec.PlatformVersion,
            Role = spec.Role,
            DeploymentConfiguration = spec.DeploymentConfiguration,
            PlacementConstraints = spec.PlacementConstraints,
            PlacementStrategy = spec.PlacementStrategy,
            NetworkConfiguration = spec.NetworkConfiguration,
            HealthCheckGracePeriodSeconds = spec.HealthCheckGracePeriodSeconds,
            SchedulingStrategy = spec.SchedulingStrategy,
            DeploymentController = spec.DeploymentController,
            LoadBalancers = spec.LoadBalancers,
            ServiceRegistries = spec.ServiceRegistries,
            ServiceConnectConfiguration = spec.ServiceConnectConfiguration,
            VolumeConfigurations = spec.VolumeConfigurations,
            VpcLatticeConfigurations = spec.VpcLatticeConfigurations,
            AvailabilityZoneRebalancing = spec.AvailabilityZoneRebalancing,
            EnableECSManagedTags = spec.EnableECSManagedTags,
            PropagateTags = spec.PropagateTags,
            EnableExecuteCommand = spec.EnableExecuteCommand,
            Tags = (spec.Tags ?? [])
                .Where(t => t.Key != OwnershipTags.OwnerKey)
                .Append(new Tag { Key = OwnershipTags.OwnerKey, Value = ownerTagValue })
                .ToList(),
        };
    }

    /// <summary>
    /// The request to compare with the live service: as created, but with the desired count left out when the
    /// operator does not manage it (see <see cref="ManagesDesiredCount"/>).
    /// </summary>
    public static CreateServiceRequest ToDesiredState(EcsService service, string taskDefinition, string? cluster, string ownerTagValue)
    {
        var request = ToCreateRequest(service, taskDefinition, cluster, ownerTagValue);
        return ManagesDesiredCount(service.Spec) ? request with { DesiredCount = service.Spec.DesiredCount } : request with { DesiredCount = null };
    }
}
