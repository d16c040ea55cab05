using EcsOperator.Api.Shared;
using EcsOperator.Aws.Model;
using EcsOperator.Kubernetes.Model;

namespace EcsOperator.Api.Services;

/// <summary>The observed state of an EcsService: its identity in AWS, task counts, rollout, drift and autoscaling.</summary>
public sealed record EcsServiceStatus : IEcsStatus
{
    /// <summary>The metadata.generation this status was computed for.</summary>
    public long? ObservedGeneration { get; init; }

    /// <summary>The Ready, Reconciling, Stalled and Drifted conditions (one of each type at most).</summary>
    [ListKey("type")]
    public IReadOnlyList<Condition>? Conditions { get; init; }

    /// <summary>The ARN of the ECS service.</summary>
    public string? ServiceArn { get; init; }

    /// <summary>The name of the ECS service.</summary>
    public string? ServiceName { get; init; }

    /// <summary>The ARN of the cluster the service runs in.</summary>
    public string? ClusterArn { get; init; }

    /// <summary>The name of the cluster the service runs in.</summary>
    public string? ClusterName { get; init; }

    /// <summary>The task definition (ARN) of the service's primary deployment.</summary>
    public string? TaskDefinitionArn { get; init; }

    /// <summary>The desired number of tasks as ECS reports it (set by the spec, or by autoscaling when enabled).</summary>
    public int? DesiredCount { get; init; }

    /// <summary>The number of tasks in the RUNNING state.</summary>
    public int? RunningCount { get; init; }

    /// <summary>The number of tasks in the PENDING state.</summary>
    public int? PendingCount { get; init; }

    /// <summary>The progress of the newest (primary) deployment.</summary>
    public RolloutStatus? Rollout { get; init; }

    /// <summary>A short summary of the service's deployments (PRIMARY first, then ACTIVE ones being replaced).</summary>
    [ListKey("id")]
    public IReadOnlyList<DeploymentSummary>? Deployments { get; init; }

    /// <summary>Changes made to the service outside the operator, if any were detected.</summary>
    public DriftStatus? Drift { get; init; }

    /// <summary>The Application Auto Scaling resources the operator manages for spec.autoScaling.</summary>
    public AutoScalingStatus? AutoScaling { get; init; }
}
