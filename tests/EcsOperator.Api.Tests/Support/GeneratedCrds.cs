using System.Text.Json.Nodes;
using EcsOperator.Api.Crds;
using EcsOperator.Crds;

namespace EcsOperator.Api.Tests.Support;

/// <summary>The CRDs generated in memory from the built assemblies and their XML docs (once per test run).</summary>
internal static class GeneratedCrds
{
    private static readonly Lazy<XmlDocumentation> LazyDocs = new(() => CrdFiles.LoadDocumentation());

    private static readonly Lazy<IReadOnlyDictionary<string, JsonObject>> LazyByKind = new(() =>
        Kinds.Crds.ToDictionary(k => k.Kind, k => CrdGenerator.Generate(k, Docs), StringComparer.Ordinal));

    public static XmlDocumentation Docs => LazyDocs.Value;

    public static IReadOnlyDictionary<string, JsonObject> ByKind => LazyByKind.Value;

    /// <summary>The openAPIV3Schema of a kind.</summary>
    public static JsonObject Schema(string kind) =>
        (JsonObject)ByKind[kind]["spec"]!["versions"]![0]!["schema"]!["openAPIV3Schema"]!;

    /// <summary>Every schema node with its path, depth first.</summary>
    public static IEnumerable<(string Path, JsonObject Node)> Walk(JsonObject schema, string path = "")
    {
        yield return (path, schema);
        if (schema["properties"] is JsonObject properties)
        {
            foreach (var (name, child) in properties)
            {
                foreach (var inner in Walk((JsonObject)child!, $"{path}.{name}"))
                {
                    yield return inner;
                }
            }
        }

        if (schema["items"] is JsonObject items)
        {
            foreach (var inner in Walk(items, path + "[]"))
            {
                yield return inner;
            }
        }

        if (schema["additionalProperties"] is JsonObject values)
        {
            foreach (var inner in Walk(values, path + "{}"))
            {
                yield return inner;
            }
        }
    }

    /// <summary>The schema node at a dotted path like <c>.spec.containerDefinitions[]</c>.</summary>
    public static JsonObject At(string kind, string path) =>
        Walk(Schema(kind)).Single(n => n.Path == path).Node;
}
