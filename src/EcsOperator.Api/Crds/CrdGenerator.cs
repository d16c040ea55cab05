using System.Text.Json.Nodes;

namespace EcsOperator.Api.Crds;

/// <summary>
/// Produces the <c>apiextensions.k8s.io/v1</c> CustomResourceDefinition of each kind from its C# types, as JSON
/// (the host renders YAML). Pure: the caller supplies the XML documentation.
/// </summary>
public static class CrdGenerator
{
    /// <summary>The CRDs of all kinds, in <see cref="Kinds.Crds"/> order.</summary>
    public static IReadOnlyList<JsonObject> GenerateAll(XmlDocumentation docs) => [.. Kinds.Crds.Select(k => Generate(k, docs))];

    /// <summary>The CRD of one kind.</summary>
    public static JsonObject Generate(KindDefinition kind, XmlDocumentation docs)
    {
        ArgumentNullException.ThrowIfNull(kind);
        ArgumentNullException.ThrowIfNull(docs);
        if (docs.Count == 0)
        {
            throw new InvalidOperationException(
                "No XML documentation loaded: CRD descriptions come from the EcsOperator.*.xml files next to the assemblies.");
        }

        var typeInfo = ApiJsonContext.Default.GetTypeInfo(kind.ClrType)
            ?? throw new InvalidOperationException($"{kind.Kind} is not in {nameof(ApiJsonContext)}: its CRD schema comes from the serializer's metadata.");
        var schema = new SchemaGenerator(docs).ForType(typeInfo);

        var subresources = kind.HasStatus ? new JsonObject { ["status"] = new JsonObject() } : new JsonObject();
        if (kind.Scale is { } scale)
        {
            var scaleNode = new JsonObject
            {
                ["specReplicasPath"] = scale.SpecReplicasPath,
                ["statusReplicasPath"] = scale.StatusReplicasPath,
            };
            if (scale.LabelSelectorPath is not null)
            {
                scaleNode["labelSelectorPath"] = scale.LabelSelectorPath;
            }

            subresources["scale"] = scaleNode;
        }

        var columns = new JsonArray();
        foreach (var column in kind.PrinterColumns)
        {
            var node = new JsonObject
            {
                ["name"] = column.Name,
                ["type"] = column.Type,
                ["jsonPath"] = column.JsonPath,
                ["description"] = column.Description,
            };
            if (column.Priority != 0)
            {
                node["priority"] = column.Priority;
            }

            columns.Add((JsonNode)node);
        }

        return new JsonObject
        {
            ["apiVersion"] = "apiextensions.k8s.io/v1",
            ["kind"] = "CustomResourceDefinition",
            ["metadata"] = new JsonObject
            {
                ["name"] = kind.CrdName,
                ["labels"] = new JsonObject { ["app.kubernetes.io/name"] = "ecs-operator" },
            },
            ["spec"] = new JsonObject
            {
                ["group"] = kind.Group,
                ["names"] = new JsonObject
                {
                    ["kind"] = kind.Kind,
                    ["listKind"] = kind.ListKind,
                    ["plural"] = kind.Plural,
                    ["singular"] = kind.Singular,
                    ["shortNames"] = new JsonArray([.. kind.ShortNames.Select(s => (JsonNode)s!)]),
                    ["categories"] = new JsonArray([.. kind.Categories.Select(s => (JsonNode)s!)]),
                },
                ["scope"] = kind.Namespaced ? "Namespaced" : "Cluster",
                ["versions"] = new JsonArray(
                    new JsonObject
                    {
                        ["name"] = kind.Version,
                        ["served"] = true,
                        ["storage"] = true,
                        ["subresources"] = subresources,
                        ["additionalPrinterColumns"] = columns,
                        ["schema"] = new JsonObject { ["openAPIV3Schema"] = schema },
                    }),
            },
        };
    }
}
