using EcsOperator.Api.CapacityProviders;
using EcsOperator.Aws.Model.Ecs;

namespace EcsOperator.Core.CapacityProviders;

/// <summary>Reads a described capacity provider into <c>EcsCapacityProvider.status</c> and tells what state it is in.</summary>
public static class CapacityProviderStatusCalculator
{
    /// <summary>
    /// <paramref name="current"/> (keeping its observedGeneration and conditions) with the live identity, status and
    /// update status of <paramref name="live"/>.
    /// </summary>
    public static EcsCapacityProviderStatus From(EcsCapacityProviderStatus? current, CapacityProvider live)
    {
        ArgumentNullException.ThrowIfNull(live);
        return (current ?? new EcsCapacityProviderStatus()) with
        {
            CapacityProviderArn = live.CapacityProviderArn,
            Name = live.Name,
            Status = live.Status,
            UpdateStatus = live.UpdateStatus,
            UpdateStatusReason = live.UpdateStatusReason,
            AutoScalingGroupArn = live.AutoScalingGroupProvider?.AutoScalingGroupArn,
        };
    }

    /// <summary>ACTIVE and no create or update still in progress.</summary>
    public static bool IsActive(CapacityProvider live) =>
        live.Status == CapacityProviderStatus.Active
        && live.UpdateStatus is not (CapacityProviderUpdateStatus.CreateInProgress or CapacityProviderUpdateStatus.UpdateInProgress);

    /// <summary>The last create or update failed: ECS says why in updateStatusReason, and a human has to act.</summary>
    public static bool IsFailed(CapacityProvider live) =>
        live.UpdateStatus is CapacityProviderUpdateStatus.CreateFailed or CapacityProviderUpdateStatus.UpdateFailed;

    /// <summary>Deleted (ECS keeps reporting INACTIVE providers for a while) or on its way out.</summary>
    public static bool IsGone(CapacityProvider live) =>
        live.Status == CapacityProviderStatus.Inactive || live.UpdateStatus == CapacityProviderUpdateStatus.DeleteComplete;

    /// <summary>A DeleteCapacityProvider is still being carried out (DELETE_IN_PROGRESS).</summary>
    public static bool IsDeleting(CapacityProvider live) =>
        live.UpdateStatus == CapacityProviderUpdateStatus.DeleteInProgress || live.Status == CapacityProviderStatus.Deprovisioning;
}
