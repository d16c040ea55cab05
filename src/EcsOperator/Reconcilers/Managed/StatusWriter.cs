using EcsOperator.Api.Shared;
using EcsOperator.Core.Conditions;
using EcsOperator.Kubernetes.Controller;
using EcsOperator.Kubernetes.Model;
using EcsOperator.Kubernetes.Rest;

namespace EcsOperator.Reconcilers.Managed;

/// <summary>
/// The one status write of a reconcile: the kind's fields, the conditions computed from the state, and the
/// generation the reconcile acted on. Skipped when the result equals what is stored (conditions keep their
/// lastTransitionTime while their status stays), so a steady-state resync writes nothing.
/// </summary>
public sealed class StatusWriter<T, TStatus>(IResourceClient<T> resource, ManagedKind<T, TStatus> kind, TimeProvider time)
    where T : class, IKubernetesObject
    where TStatus : class, IEcsStatus
{
    public IResourceClient<T> Resource => resource;

    public Task<T> WriteAsync(T obj, Func<TStatus, TStatus> edit, ReconcileState state, DriftObservation? drift, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(obj);
        var now = time.GetUtcNow();
        // The generation this reconcile acted on, not that of a re-read after a conflict: a spec edit that raced this
        // write must not be reported as applied (or its differences later taken for drift).
        var generation = obj.Metadata.Generation ?? 0;
        return resource.UpdateStatusAsync(obj, o =>
        {
            var status = edit(kind.StatusOf(o) ?? kind.NewStatus());
            if (drift is { Fields.Count: > 0 } && kind.RecordDrift is { } record)
                status = record(status, drift, now);
            var conditions = ConditionsCalculator.Compute(status.Conditions, state, drift, generation, now);
            return kind.WithStatus(o, kind.Stamp(status, generation, conditions));
        }, cancellationToken);
    }
}
