using System.Text.Json.Nodes;

namespace EcsOperator.KubeApiServer;

/// <summary>
/// Just enough OpenAPI v3 (<c>/openapi/v3</c> and one document per group version) for kubectl to see that the server
/// validates fields itself (<c>fieldValidation</c> on each PATCH operation): <c>kubectl apply</c> then sends
/// <c>fieldValidation=Strict</c> instead of downloading schemas to validate on the client. Schemas are the CRDs'.
/// </summary>
internal static class OpenApiDocuments
{
    public static JsonObject Root(ResourceRegistry registry)
    {
        var paths = new JsonObject();
        foreach (var gv in GroupVersions(registry))
            paths[Key(gv.Group, gv.Version)] = new JsonObject { ["serverRelativeURL"] = $"/openapi/v3/{Key(gv.Group, gv.Version)}" };
        return new JsonObject { ["paths"] = paths };
    }

    /// <summary>The document of <paramref name="group"/>/<paramref name="version"/> ("" for the core group), or null.</summary>
    public static JsonObject? GroupVersion(ResourceRegistry registry, string group, string version, string kubernetesVersion)
    {
        var types = registry.All.Where(t => t.Group == group && t.Version == version).ToList();
        if (types.Count == 0)
            return null;
        var paths = new JsonObject();
        var schemas = new JsonObject();
        foreach (var type in types)
        {
            var gvk = new JsonObject { ["group"] = type.Group, ["version"] = type.Version, ["kind"] = type.Kind };
            var prefix = type.Group.Length == 0 ? $"/api/{type.Version}" : $"/apis/{type.Group}/{type.Version}";
            var item = type.Namespaced ? $"{prefix}/namespaces/{{namespace}}/{type.Plural}/{{name}}" : $"{prefix}/{type.Plural}/{{name}}";
            paths[item] = new JsonObject
            {
                ["patch"] = new JsonObject
                {
                    ["operationId"] = $"patch{type.Kind}",
                    ["parameters"] = new JsonArray(
                        Query("dryRun"), Query("fieldManager"), Query("fieldValidation"), Query("force")),
                    ["x-kubernetes-action"] = "patch",
                    ["x-kubernetes-group-version-kind"] = gvk.DeepClone(),
                    ["responses"] = new JsonObject { ["200"] = new JsonObject { ["description"] = "OK" } },
                },
            };
            var schema = type.Schema?.DeepClone() as JsonObject ?? new JsonObject { ["type"] = "object", ["x-kubernetes-preserve-unknown-fields"] = true };
            schema["x-kubernetes-group-version-kind"] = new JsonArray(gvk.DeepClone());
            schemas[SchemaName(type)] = schema;
        }

        return new JsonObject
        {
            ["openapi"] = "3.0.0",
            ["info"] = new JsonObject { ["title"] = "Kubernetes", ["version"] = kubernetesVersion },
            ["paths"] = paths,
            ["components"] = new JsonObject { ["schemas"] = schemas },
        };
    }

    private static JsonObject Query(string name) => new()
    {
        ["name"] = name,
        ["in"] = "query",
        ["schema"] = new JsonObject { ["type"] = name == "force" ? "boolean" : "string", ["uniqueItems"] = true },
    };

    private static string Key(string group, string version) => group.Length == 0 ? $"api/{version}" : $"apis/{group}/{version}";

    /// <summary>kube's naming: the group reversed, then version and kind (dev.operator.ecs.v1alpha1.EcsService).</summary>
    private static string SchemaName(ServedResource type) =>
        type.Group.Length == 0
            ? $"io.k8s.api.core.{type.Version}.{type.Kind}"
            : $"{string.Join('.', type.Group.Split('.').Reverse())}.{type.Version}.{type.Kind}";

    private static IEnumerable<(string Group, string Version)> GroupVersions(ResourceRegistry registry) =>
        registry.All.Select(t => (t.Group, t.Version)).Distinct();
}
