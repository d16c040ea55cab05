using EcsOperator.Api.Shared;
using EcsOperator.Aws.Model;
using EcsOperator.Kubernetes.Model;

namespace EcsOperator.Api.Clusters;

/// <summary>The observed state of an EcsCluster.</summary>
public sealed record EcsClusterStatus : IEcsStatus
{
    /// <summary>The metadata.generation this status was computed for.</summary>
    public long? ObservedGeneration { get; init; }

    /// <summary>The Ready, Reconciling, Stalled and Drifted conditions (one of each type at most).</summary>
    [ListKey("type")]
    public IReadOnlyList<Condition>? Conditions { get; init; }

    /// <summary>The ARN of the ECS cluster.</summary>
    public string? ClusterArn { get; init; }

    /// <summary>The name of the ECS cluster.</summary>
    public string? ClusterName { get; init; }

    /// <summary>The cluster's status as ECS reports it: ACTIVE, PROVISIONING, DEPROVISIONING, FAILED or INACTIVE.</summary>
    public string? Status { get; init; }

    /// <summary>The number of tasks in the RUNNING state.</summary>
    public int? RunningTasksCount { get; init; }

    /// <summary>The number of tasks in the PENDING state.</summary>
    public int? PendingTasksCount { get; init; }

    /// <summary>The number of services in the ACTIVE state.</summary>
    public int? ActiveServicesCount { get; init; }

    /// <summary>The number of container instances registered in the cluster.</summary>
    public int? RegisteredContainerInstancesCount { get; init; }
}
