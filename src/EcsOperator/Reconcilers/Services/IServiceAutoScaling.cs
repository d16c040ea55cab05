using EcsOperator.Api.Services;

namespace EcsOperator.Reconcilers.Services;

/// <summary>
/// Keeps a service's Application Auto Scaling (scalable target, scaling policies, scheduled actions) matching
/// <c>spec.autoScaling</c>. The service reconciler calls it after the service exists, and with a null spec on
/// removal and deletion; it knows nothing about the ECS service itself.
/// </summary>
public interface IServiceAutoScaling
{
    /// <summary>Reads what is registered for the service and, when <see cref="AutoScalingSyncRequest.Apply"/>, makes it match.</summary>
    Task<AutoScalingSyncResult> SyncAsync(AutoScalingSyncRequest request, CancellationToken cancellationToken);
}

/// <param name="Desired">spec.autoScaling; null removes everything registered for the service.</param>
/// <param name="ClusterName">The service's cluster, short name.</param>
/// <param name="ServiceName">The service, short name.</param>
/// <param name="OwnerTagValue">The owner tag value put on a newly registered scalable target.</param>
/// <param name="MayExist">
/// False when nothing can be registered yet (status has no autoScaling and the spec has none): the sync then makes
/// no call at all, so services without autoscaling cost nothing on resync.
/// </param>
/// <param name="Apply">False only reports differences (driftPolicy Report).</param>
public sealed record AutoScalingSyncRequest(
    ServiceAutoScaling? Desired,
    string ClusterName,
    string ServiceName,
    string OwnerTagValue,
    bool MayExist,
    bool Apply);

/// <param name="Status">What is registered after the sync (null when nothing is).</param>
/// <param name="Differences">What differed from the spec before the sync (e.g. "minCapacity", "policy/cpu"); empty when in sync.</param>
/// <param name="Applied">Whether calls were made to remove the differences.</param>
public sealed record AutoScalingSyncResult(AutoScalingStatus? Status, IReadOnlyList<string> Differences, bool Applied);
