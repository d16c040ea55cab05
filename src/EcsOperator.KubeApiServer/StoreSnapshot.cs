using System.Text.Json.Nodes;

namespace EcsOperator.KubeApiServer;

/// <summary>
/// A copy of the whole store (objects, history window, resourceVersion counter), as an etcd backup is: restoring it
/// makes resourceVersions go backwards for every client that saw a newer one.
/// </summary>
public sealed class StoreSnapshot
{
    internal StoreSnapshot(Dictionary<string, SortedDictionary<string, JsonObject>> data, List<Change> history, long resourceVersion, long compactedResourceVersion)
    {
        Data = data;
        History = history;
        ResourceVersion = resourceVersion;
        CompactedResourceVersion = compactedResourceVersion;
    }

    /// <summary>The newest resourceVersion when the snapshot was taken.</summary>
    public long ResourceVersion { get; }

    internal Dictionary<string, SortedDictionary<string, JsonObject>> Data { get; }

    internal List<Change> History { get; }

    internal long CompactedResourceVersion { get; }
}
