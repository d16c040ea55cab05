using System.Text.Json.Nodes;

namespace EcsOperator.KubeApiServer;

/// <summary>Minimal, valid discovery documents (/api, /apis, resource lists) and /version.</summary>
internal static class Discovery
{
    public static JsonObject Version(string gitVersion)
    {
        var parts = gitVersion.TrimStart('v').Split('.');
        return new JsonObject
        {
            ["major"] = parts.ElementAtOrDefault(0) ?? "1",
            ["minor"] = parts.ElementAtOrDefault(1) ?? "0",
            ["gitVersion"] = gitVersion,
            ["gitCommit"] = "0000000000000000000000000000000000000000",
            ["gitTreeState"] = "clean",
            ["buildDate"] = "2025-01-01T00:00:00Z",
            ["goVersion"] = "go1.24.0",
            ["compiler"] = "gc",
            ["platform"] = "linux/amd64",
        };
    }

    public static JsonObject ApiVersions(string host) => new()
    {
        ["kind"] = "APIVersions",
        ["versions"] = new JsonArray("v1"),
        ["serverAddressByClientCIDRs"] = new JsonArray(new JsonObject { ["clientCIDR"] = "0.0.0.0/0", ["serverAddress"] = host }),
    };

    private static JsonObject GroupJson(string group, IReadOnlyList<string> versions)
    {
        var list = new JsonArray(versions.Select(v => (JsonNode?)new JsonObject { ["groupVersion"] = $"{group}/{v}", ["version"] = v }).ToArray());
        return new JsonObject
        {
            ["name"] = group,
            ["versions"] = list,
            ["preferredVersion"] = new JsonObject { ["groupVersion"] = $"{group}/{versions[0]}", ["version"] = versions[0] },
        };
    }

    private static IEnumerable<(string Group, List<string> Versions)> Groups(ResourceRegistry registry) =>
        registry.All.Where(t => t.Group.Length > 0).GroupBy(t => t.Group)
            .Select(g => (g.Key, g.Select(t => t.Version).Distinct().OrderByDescending(v => v, StringComparer.Ordinal).ToList()));

    public static JsonObject GroupList(ResourceRegistry registry) => new()
    {
        ["kind"] = "APIGroupList",
        ["apiVersion"] = "v1",
        ["groups"] = new JsonArray(Groups(registry).Select(g => (JsonNode?)GroupJson(g.Group, g.Versions)).ToArray()),
    };

    public static JsonObject? Group(ResourceRegistry registry, string group)
    {
        foreach (var (name, versions) in Groups(registry))
        {
            if (name == group)
            {
                var json = GroupJson(name, versions);
                json["kind"] = "APIGroup";
                json["apiVersion"] = "v1";
                return json;
            }
        }

        return null;
    }

    public static JsonObject ResourceList(ResourceRegistry registry, string group, string version)
    {
        var resources = new JsonArray();
        foreach (var t in registry.All.Where(t => t.Group == group && t.Version == version))
        {
            var main = new JsonObject
            {
                ["name"] = t.Plural,
                ["singularName"] = t.Singular ?? t.Kind.ToLowerInvariant(),
                ["namespaced"] = t.Namespaced,
                ["kind"] = t.Kind,
                ["verbs"] = new JsonArray("create", "delete", "deletecollection", "get", "list", "patch", "update", "watch"),
            };
            if (t.ShortNames.Count > 0)
            {
                main["shortNames"] = new JsonArray(t.ShortNames.Select(s => (JsonNode?)s).ToArray());
            }

            if (t.Categories.Count > 0)
            {
                main["categories"] = new JsonArray(t.Categories.Select(s => (JsonNode?)s).ToArray());
            }

            resources.Add(main);
            if (t.HasStatus)
            {
                resources.Add(new JsonObject
                {
                    ["name"] = t.Plural + "/status",
                    ["singularName"] = "",
                    ["namespaced"] = t.Namespaced,
                    ["kind"] = t.Kind,
                    ["verbs"] = new JsonArray("get", "patch", "update"),
                });
            }

            if (t.HasScale)
            {
                resources.Add(new JsonObject
                {
                    ["name"] = t.Plural + "/scale",
                    ["singularName"] = "",
                    ["namespaced"] = t.Namespaced,
                    ["group"] = "autoscaling",
                    ["version"] = "v1",
                    ["kind"] = "Scale",
                    ["verbs"] = new JsonArray("get", "patch", "update"),
                });
            }
        }

        return new JsonObject
        {
            ["kind"] = "APIResourceList",
            ["apiVersion"] = "v1",
            ["groupVersion"] = group.Length == 0 ? version : $"{group}/{version}",
            ["resources"] = resources,
        };
    }
}
