using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;

namespace EcsOperator.KubeApiServer;

/// <summary>One stored write, kept in the history window for watches and consistent paging.</summary>
/// <param name="ResourceVersion">The resourceVersion the write produced.</param>
/// <param name="StorageKey">group/plural.</param>
/// <param name="Key">namespace/name or name.</param>
/// <param name="Namespace">The object's namespace (null when cluster-scoped).</param>
/// <param name="Type">ADDED, MODIFIED or DELETED.</param>
/// <param name="Object">The state after the write (for DELETED: the last state, carrying the deletion's resourceVersion); never changed once recorded.</param>
/// <param name="Previous">The state before the write; null for ADDED.</param>
internal sealed record Change(long ResourceVersion, string StorageKey, string Key, string? Namespace, string Type, JsonObject Object, JsonObject? Previous)
{
    /// <summary>
    /// <see cref="Object"/> serialized as served for each resource version asked so far: every watcher of one
    /// version sends the same bytes, so the object is written once per version, not once per watcher. Replaced, never
    /// changed in place, so a reader never sees a half-added entry.
    /// </summary>
    private (ServedResource Type, byte[] Json)[] _presented = [];

    /// <summary><see cref="Object"/> as served for <paramref name="type"/>, as UTF-8 JSON (<see cref="ObjectStore.PresentedJson"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public byte[] PresentedJson(ServedResource type)
    {
        var presented = _presented;
        foreach (var (servedAs, json) in presented)
        {
            if (ReferenceEquals(servedAs, type))
            {
                return json;
            }
        }

        var made = ObjectStore.PresentedJson(Object, type);
        _presented = [.. presented, (type, made)];
        return made;
    }

    /// <summary>Seeds the cache with the JSON the write produced for the version it was made through.</summary>
    public void AddPresentedJson(ServedResource type, byte[] json) => _presented = [.. _presented, (type, json)];
}
