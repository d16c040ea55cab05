using System.Text.Json.Nodes;

namespace EcsOperator.KubeApiServer;

/// <summary>One write the store accepted, with who made it, for tests that check what a client writes.</summary>
/// <param name="ResourceVersion">The resourceVersion the write produced.</param>
/// <param name="Group">API group of the object ("" for core).</param>
/// <param name="Plural">Plural resource name.</param>
/// <param name="Namespace">The object's namespace (null when cluster-scoped).</param>
/// <param name="Name">The object's name.</param>
/// <param name="Type">ADDED, MODIFIED or DELETED.</param>
/// <param name="Object">The state after the write (a copy).</param>
/// <param name="Previous">The state before the write (a copy); null for ADDED.</param>
/// <param name="Actor">The request's User-Agent; null for writes made in-process through the server's C# controls.</param>
public sealed record StoredWrite(long ResourceVersion, string Group, string Plural, string? Namespace, string Name, string Type,
    JsonObject Object, JsonObject? Previous, string? Actor);
