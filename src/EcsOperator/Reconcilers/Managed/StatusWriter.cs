using System.Collections.Concurrent;
using EcsOperator.Api.Shared;
using EcsOperator.Core.Conditions;
using EcsOperator.Kubernetes.Controller;
using EcsOperator.Kubernetes.Informer;
using EcsOperator.Kubernetes.Model;
using EcsOperator.Kubernetes.Rest;

namespace EcsOperator.Reconcilers.Managed;

/// <summary>
/// The one status write of a reconcile: the kind's fields, the conditions computed from the state, and the
/// generation the reconcile acted on. Skipped when the result equals what is stored (conditions keep their
/// lastTransitionTime while their status stays), so a steady-state resync writes nothing. It remembers, per object,
/// what it last wrote until the informer cache has caught up (<see cref="Freshest"/>): a reconcile that reads the
/// cache before the watch event of the operator's own write arrives must not act on the status that write replaced
/// (drift taken for an update, a settled rollout asked about again, a removed scalable target described again).
/// </summary>
/// <param name="cache">
/// The informer cache of the kind, when there is one: entries the cache has caught up with are dropped at the next
/// sweep instead of after <see cref="KeepFor"/> (at N = 5,000 pairs nearly every object is written within 30 s, and
/// each kept write is a second copy of the object beside the cache's).
/// </param>
public sealed class StatusWriter<T, TStatus>(IResourceClient<T> resource, ManagedKind<T, TStatus> kind, TimeProvider time, InformerCache<T>? cache = null)
    where T : class, IKubernetesObject
    where TStatus : class, IEcsStatus
{
    /// <summary>A cache that has not caught up after this long is not waited for: the entry is only memory.</summary>
    private static readonly TimeSpan KeepFor = TimeSpan.FromSeconds(30);

    private const int SweepEvery = 64;

    private readonly ConcurrentDictionary<ObjectKey, LastWrite> _lastWrites = new();
    private int _writes;

    public IResourceClient<T> Resource => resource;

    /// <summary>How many objects' last writes are remembered now (tests: the memory is bounded by what the cache has not caught up with).</summary>
    internal int Remembered => _lastWrites.Count;

    /// <summary>
    /// The object to reconcile: the one this writer last wrote when the cache still holds a version that write
    /// replaced (same uid, a resourceVersion the write was based on), else the cached one. Once the cache shows any
    /// other version (it caught up, or someone changed the object since) the memory is dropped.
    /// </summary>
    public T Freshest(T cached)
    {
        ArgumentNullException.ThrowIfNull(cached);
        var key = ObjectKey.Of(cached);
        if (!_lastWrites.TryGetValue(key, out var last))
            return cached;
        if (Lags(last, cached))
            return last.Written;
        _lastWrites.TryRemove(KeyValuePair.Create(key, last));
        return cached;
    }

    /// <summary>The cache still holds a version the last write replaced.</summary>
    private static bool Lags(LastWrite last, T cached) =>
        last.Written.Metadata.Uid == cached.Metadata.Uid && last.Replaced.Contains(cached.Metadata.ResourceVersion);

    /// <summary>The object is gone: a new object of the same name starts unknown.</summary>
    public void Forget(ObjectKey key) => _lastWrites.TryRemove(key, out _);

    /// <summary>
    /// Another write of this reconcile (the finalizer): remembered like a status write, so a reconcile that reads the
    /// cache before its watch event arrives acts on the stored object. Returns <paramref name="written"/>.
    /// </summary>
    public T Wrote(T read, T written)
    {
        ArgumentNullException.ThrowIfNull(read);
        ArgumentNullException.ThrowIfNull(written);
        Remember(read, written, time.GetUtcNow());
        return written;
    }

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
        Remember(obj, written, now);
        return written;
    }

    private void Remember(T read, T written, DateTimeOffset now)
    {
        if (written.Metadata.ResourceVersion == read.Metadata.ResourceVersion)
            return; // nothing changed, nothing written: the cache is as fresh as the object read
        var key = ObjectKey.Of(read);
        // When this reconcile worked on the previous write (the cache still lagged), the versions that one replaced are
        // still behind this write too.
        var replaced = _lastWrites.TryGetValue(key, out var previous) && previous.Written.Metadata.ResourceVersion == read.Metadata.ResourceVersion
            ? [.. previous.Replaced.TakeLast(7), read.Metadata.ResourceVersion]
            : new[] { read.Metadata.ResourceVersion };
        _lastWrites[key] = new LastWrite(written, replaced, now);
        if (Interlocked.Increment(ref _writes) % SweepEvery == 0)
        {
            foreach (var entry in _lastWrites)
            {
                if (now - entry.Value.At > KeepFor || (cache?.Get(entry.Key) is { } cached && !Lags(entry.Value, cached)))
                    _lastWrites.TryRemove(entry);
            }
        }
    }

    private sealed record LastWrite(T Written, string?[] Replaced, DateTimeOffset At);
}
