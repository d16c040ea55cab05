using EcsOperator.Api.Clusters;
using EcsOperator.Aws.Model.Ecs;

namespace EcsOperator.Core.Clusters;

/// <summary>Reads a described cluster into <c>EcsCluster.status</c> and tells the conditions what state it is in.</summary>
public static class ClusterStatusCalculator
{
    /// <summary>ECS cluster status values (<see cref="ClusterStatusValue"/>).</summary>
    public const string Active = ClusterStatusValue.Active;

    /// <inheritdoc cref="Active"/>
    public const string Provisioning = ClusterStatusValue.Provisioning;

    /// <inheritdoc cref="Active"/>
    public const string Deprovisioning = ClusterStatusValue.Deprovisioning;

    /// <inheritdoc cref="Active"/>
    public const string Failed = ClusterStatusValue.Failed;

    /// <inheritdoc cref="Active"/>
    public const string Inactive = ClusterStatusValue.Inactive;

    /// <summary>
    /// <paramref name="current"/> (keeping its observedGeneration and conditions) with the live identity, status and
    /// counts of <paramref name="live"/>.
    /// </summary>
    public static EcsClusterStatus From(EcsClusterStatus? current, Cluster live)
    {
        ArgumentNullException.ThrowIfNull(live);
        return (current ?? new EcsClusterStatus()) with
        {
            ClusterArn = live.ClusterArn,
            ClusterName = live.ClusterName,
            Status = live.Status,
            RunningTasksCount = live.RunningTasksCount,
            PendingTasksCount = live.PendingTasksCount,
            ActiveServicesCount = live.ActiveServicesCount,
            RegisteredContainerInstancesCount = live.RegisteredContainerInstancesCount,
        };
    }

    /// <summary>
    /// Whether the cluster is usable as the spec says: ACTIVE and not still attaching capacity providers
    /// (attachmentsStatus UPDATE_IN_PROGRESS).
    /// </summary>
    public static bool IsActive(Cluster live) =>
        live.Status == Active && live.AttachmentsStatus != "UPDATE_IN_PROGRESS";

    /// <summary>Whether the cluster failed to provision or to attach its capacity providers: it needs a human.</summary>
    public static bool IsFailed(Cluster live) =>
        live.Status == Failed || live.AttachmentsStatus == "UPDATE_FAILED";

    /// <summary>Whether the cluster is deleted (ECS keeps reporting INACTIVE clusters for a while).</summary>
    public static bool IsGone(Cluster live) => live.Status == Inactive;
}
