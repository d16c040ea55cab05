using System.Text.Json.Nodes;

namespace EcsOperator.KubeApiServer;

/// <summary>One stored write, kept in the history window for watches and consistent paging.</summary>
/// <param name="ResourceVersion">The resourceVersion the write produced.</param>
/// <param name="StorageKey">group/plural.</param>
/// <param name="Key">namespace/name or name.</param>
/// <param name="Namespace">The object's namespace (null when cluster-scoped).</param>
/// <param name="Type">ADDED, MODIFIED or DELETED.</param>
/// <param name="Object">The state after the write (for DELETED: the last state, carrying the deletion's resourceVersion).</param>
/// <param name="Previous">The state before the write; null for ADDED.</param>
internal sealed record Change(long ResourceVersion, string StorageKey, string Key, string? Namespace, string Type, JsonObject Object, JsonObject? Previous);
