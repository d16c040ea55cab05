using EcsOperator.Api.Shared;
using EcsOperator.Aws.Model;
using EcsOperator.Kubernetes.Model;

namespace EcsOperator.Api.CapacityProviders;

/// <summary>The observed state of an EcsCapacityProvider.</summary>
public sealed record EcsCapacityProviderStatus : IEcsStatus
{
    /// <summary>The metadata.generation this status was computed for.</summary>
    public long? ObservedGeneration { get; init; }

    /// <summary>The Ready, Reconciling, Stalled and Drifted conditions (one of each type at most).</summary>
    [ListKey("type")]
    public IReadOnlyList<Condition>? Conditions { get; init; }

    /// <summary>The ARN of the ECS capacity provider.</summary>
    public string? CapacityProviderArn { get; init; }

    /// <summary>The name of the ECS capacity provider (what clusters and capacity provider strategies name).</summary>
    public string? Name { get; init; }

    /// <summary>The capacity provider's status as ECS reports it: ACTIVE or INACTIVE (PROVISIONING, DEPROVISIONING).</summary>
    public string? Status { get; init; }

    /// <summary>The last create, update or delete as ECS reports it, e.g. CREATE_COMPLETE, UPDATE_IN_PROGRESS, DELETE_IN_PROGRESS.</summary>
    public string? UpdateStatus { get; init; }

    /// <summary>Why the last update is in its state (ECS's updateStatusReason), e.g. why an update failed.</summary>
    public string? UpdateStatusReason { get; init; }

    /// <summary>The Auto Scaling group the provider manages.</summary>
    public string? AutoScalingGroupArn { get; init; }
}
