using System.Collections.Concurrent;
using EcsOperator.Api.Shared;
using EcsOperator.Core.Conditions;
using EcsOperator.Kubernetes.Controller;
using EcsOperator.Kubernetes.Model;
using EcsOperator.Kubernetes.Rest;

namespace EcsOperator.Reconcilers.Managed;

/// <summary>
/// The one status write of a reconcile: the kind's fields, the conditions computed from the state, and the
/// generation the reconcile acted on. Skipped when the result equals what is stored (conditions keep their
/// lastTransitionTime while their status stays), so a steady-state resync writes nothing. It remembers, per object,
/// the generation it last wrote as Ready: the informer cache can lag the operator's own write, and drift is told
/// from an update by "Ready for this generation" (<see cref="WroteReadyFor"/>).
/// </summary>
public sealed class StatusWriter<T, TStatus>(IResourceClient<T> resource, ManagedKind<T, TStatus> kind, TimeProvider time)
    where T : class, IKubernetesObject
    where TStatus : class, IEcsStatus
{
    private readonly ConcurrentDictionary<ObjectKey, (string? Uid, long Generation)> _readyWritten = new();

    public IResourceClient<T> Resource => resource;

    /// <summary>
    /// Whether this writer last wrote the object (same uid) Ready for its current generation: true while the cache
    /// still holds an older status, so an outside change right after becoming Ready is drift, not an update.
    /// </summary>
    public bool WroteReadyFor(T obj)
    {
        ArgumentNullException.ThrowIfNull(obj);
        return _readyWritten.TryGetValue(ObjectKey.Of(obj), out var written)
            && written.Uid == obj.Metadata.Uid && written.Generation == (obj.Metadata.Generation ?? 0);
    }

    /// <summary>The object is gone: a new object of the same name starts unknown.</summary>
    public void Forget(ObjectKey key) => _readyWritten.TryRemove(key, out _);

    public async Task<T> WriteAsync(T obj, Func<TStatus, TStatus> edit, ReconcileState state, DriftObservation? drift, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(obj);
        var now = time.GetUtcNow();
        // The generation this reconcile acted on, not that of a re-read after a conflict: a spec edit that raced this
        // write must not be reported as applied (or its differences later taken for drift).
        var generation = obj.Metadata.Generation ?? 0;
        var written = await resource.UpdateStatusAsync(obj, o =>
        {
            var status = edit(kind.StatusOf(o) ?? kind.NewStatus());
            if (drift is { Fields.Count: > 0 } && kind.RecordDrift is { } record)
                status = record(status, drift, now);
            var conditions = ConditionsCalculator.Compute(status.Conditions, state, drift, generation, now);
            return kind.WithStatus(o, kind.Stamp(status, generation, conditions));
        }, cancellationToken);
        var key = ObjectKey.Of(obj);
        if (state is ReconcileState.Ready)
            _readyWritten[key] = (obj.Metadata.Uid, generation);
        else
            _readyWritten.TryRemove(key, out _);
        return written;
    }
}
