using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;

namespace EcsOperator.KubeApiServer;

/// <summary>Snapshot and restore of the whole store, and the observer of accepted writes.</summary>
internal sealed partial class ObjectStore
{
    private static readonly AsyncLocal<string?> CurrentActor = new();

    /// <summary>Called (under the store lock) for every accepted write.</summary>
    public Action<StoredWrite>? Written { get; set; }

    /// <summary>Who the writes made on this async flow are attributed to (the handler sets the User-Agent).</summary>
    public static string? Actor
    {
        get => CurrentActor.Value;
        set => CurrentActor.Value = value;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void NotifyWritten(ServedResource type, string key, string? ns, string eventType, JsonObject obj, JsonObject? previous)
    {
        if (Written is not { } written)
        {
            return;
        }

        var name = ns is null ? key : key[(ns.Length + 1)..];
        written(new StoredWrite(_resourceVersion, type.Group, type.Plural, ns, name, eventType,
            (JsonObject)obj.DeepClone(), (JsonObject?)previous?.DeepClone(), Actor));
    }

    public StoreSnapshot Snapshot()
    {
        lock (_gate)
        {
            var data = _data.ToDictionary(kv => kv.Key,
                kv => new SortedDictionary<string, JsonObject>(kv.Value.ToDictionary(o => o.Key, o => (JsonObject)o.Value.DeepClone()), StringComparer.Ordinal),
                StringComparer.Ordinal);
            return new StoreSnapshot(data, [.. _history], _resourceVersion, _compactedResourceVersion);
        }
    }

    /// <summary>Puts the snapshot's state back (resourceVersions go backwards) and drops every watch, as a restored etcd behind a restarted apiserver does.</summary>
    public void Restore(StoreSnapshot snapshot)
    {
        lock (_gate)
        {
            _data.Clear();
            foreach (var (kind, bucket) in snapshot.Data)
            {
                _data[kind] = new SortedDictionary<string, JsonObject>(bucket.ToDictionary(o => o.Key, o => (JsonObject)o.Value.DeepClone()), StringComparer.Ordinal);
            }

            _history.Clear();
            foreach (var change in snapshot.History)
            {
                _history.AddLast(change);
            }

            _resourceVersion = snapshot.ResourceVersion;
            _compactedResourceVersion = snapshot.CompactedResourceVersion;
            foreach (var watcher in _watchers)
            {
                watcher.Abort();
            }

            _watchers.Clear();
        }
    }
}
