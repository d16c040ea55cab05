using System.Text.Json.Nodes;

namespace EcsOperator.KubeApiServer;

/// <summary>Reads resource types out of an apiextensions.k8s.io/v1 CustomResourceDefinition.</summary>
internal static class CrdReader
{
    public static IEnumerable<ServedResource> Read(JsonObject crd)
    {
        var apiVersion = (string?)crd["apiVersion"];
        if (apiVersion != "apiextensions.k8s.io/v1")
        {
            throw new ArgumentException($"CustomResourceDefinition apiVersion must be apiextensions.k8s.io/v1, got '{apiVersion}'");
        }

        var spec = crd["spec"] as JsonObject ?? throw new ArgumentException("CustomResourceDefinition has no spec");
        var group = Required(spec, "group");
        var names = spec["names"] as JsonObject ?? throw new ArgumentException("CustomResourceDefinition has no spec.names");
        var plural = Required(names, "plural");
        var kind = Required(names, "kind");
        var scope = (string?)spec["scope"] ?? "Namespaced";
        if (scope is not ("Namespaced" or "Cluster"))
        {
            throw new ArgumentException($"CustomResourceDefinition spec.scope must be Namespaced or Cluster, got '{scope}'");
        }

        var versions = spec["versions"] as JsonArray ?? throw new ArgumentException("CustomResourceDefinition has no spec.versions");
        foreach (var v in versions.OfType<JsonObject>())
        {
            if (v["served"] is JsonValue served && served.TryGetValue<bool>(out var isServed) && !isServed)
            {
                continue;
            }

            var subresources = v["subresources"] as JsonObject;
            yield return ServedResource.Custom(group, Required(v, "name"), plural, kind, scope == "Namespaced", subresources?["status"] is not null) with
            {
                HasScale = subresources?["scale"] is not null,
                Schema = v["schema"]?["openAPIV3Schema"] is JsonObject schema ? JsonNumbers.Normalize(schema) : null,
                Singular = (string?)names["singular"] ?? kind.ToLowerInvariant(),
                ShortNames = Strings(names["shortNames"]),
                Categories = Strings(names["categories"]),
                PrinterColumns = (v["additionalPrinterColumns"] as JsonArray)?.OfType<JsonObject>()
                    .Select(c => new TableColumn(Required(c, "name"), (string?)c["type"] ?? "string", Required(c, "jsonPath"))
                    {
                        Format = (string?)c["format"],
                        Description = (string?)c["description"],
                        Priority = c["priority"] is JsonValue p && int.TryParse(p.ToString(), System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var priority) ? priority : 0,
                    }).ToList() ?? [],
                SelectableFields = (v["selectableFields"] as JsonArray)?.OfType<JsonObject>()
                    .Select(f => ((string?)f["jsonPath"] ?? string.Empty).TrimStart('.')).Where(p => p.Length > 0).ToList() ?? [],
            };
        }
    }

    private static string Required(JsonObject obj, string field) =>
        obj[field] is JsonValue v && v.TryGetValue<string>(out var s) && s.Length > 0
            ? s
            : throw new ArgumentException($"CustomResourceDefinition is missing '{field}'");

    private static List<string> Strings(JsonNode? node) =>
        (node as JsonArray)?.Select(n => (string?)n).OfType<string>().ToList() ?? [];
}
