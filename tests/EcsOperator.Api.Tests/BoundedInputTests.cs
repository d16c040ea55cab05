using System.Text.Json.Nodes;
using EcsOperator.Api.Crds;
using EcsOperator.Api.Tests.Support;

namespace EcsOperator.Api.Tests;

/// <summary>
/// Every string, list and map a user writes is bounded (maxLength / maxItems / maxProperties), by ECS's documented
/// limits where there is one: a hostile or runaway object is refused at admission instead of costing the API server,
/// the CEL cost estimator and the operator unbounded work.
/// </summary>
public sealed class BoundedInputTests
{
    /// <summary>Where the schema may stay unbounded, and why. Matched against "Kind.path" (a trailing * matches a subtree).</summary>
    private static readonly IReadOnlyDictionary<string, string> Allowlist = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["*.apiVersion"] = "set by the client and checked by the API server against the CRD's group and versions",
        ["*.kind"] = "set by the client and checked by the API server against the CRD's kind",
        ["*.status*"] = "written by the operator alone (status subresource, users cannot write it); a bound would turn a long AWS message into a failed status write",
        ["EcsService.spec.deploymentConfiguration.lifecycleHooks[].hookDetails"] =
            "botocore document type (any JSON for the hook's Lambda function); a schema cannot bound untyped JSON, the informer skips and reports an object nested too deep to decode",
    };

    private static IEnumerable<string> AllowedBy(string kind, string path) => Allowlist.Keys.Where(pattern =>
    {
        var (kindPattern, pathPattern) = (pattern[..pattern.IndexOf('.', StringComparison.Ordinal)], pattern[pattern.IndexOf('.', StringComparison.Ordinal)..]);
        return (kindPattern == "*" || kindPattern == kind)
            && (pathPattern.EndsWith('*') ? path.StartsWith(pathPattern.TrimEnd('*'), StringComparison.Ordinal) : path == pathPattern);
    });

    private static long Number(JsonNode? node) => long.Parse(node!.ToJsonString(), System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void No_string_list_or_map_in_any_crd_is_unbounded_outside_the_allowlist()
    {
        var unbounded = new List<string>();
        var used = new HashSet<string>();
        foreach (var (kind, _) in GeneratedCrds.ByKind)
        {
            foreach (var (path, node) in GeneratedCrds.Walk(GeneratedCrds.Schema(kind)))
            {
                var problem = node["type"]?.GetValue<string>() switch
                {
                    "string" when node["maxLength"] is null => "string without maxLength",
                    "array" when node["maxItems"] is null => "list without maxItems",
                    "object" when node["additionalProperties"] is JsonObject && node["maxProperties"] is null => "map without maxProperties",
                    null when node["x-kubernetes-preserve-unknown-fields"]?.GetValue<bool>() == true => "free-form JSON",
                    "object" when node["x-kubernetes-preserve-unknown-fields"]?.GetValue<bool>() == true && node["maxProperties"] is null => "free-form object",
                    _ => null,
                };
                if (problem is null)
                {
                    continue;
                }

                var allowedBy = AllowedBy(kind, path).ToList();
                used.UnionWith(allowedBy);
                if (allowedBy.Count == 0)
                {
                    unbounded.Add($"{kind}{path}: {problem}");
                }
            }
        }

        Assert.True(unbounded.Count == 0, $"{unbounded.Count} unbounded fields (bound them in InputBounds or with [MaxLength]/[Length]):\n" + string.Join("\n", unbounded));
        // An allowlist entry nothing needs any more is a hole waiting to be used.
        Assert.Equal(Allowlist.Keys.Order(StringComparer.Ordinal), used.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("EcsTaskDefinition", ".spec.containerDefinitions", "maxItems", 10)]
    [InlineData("EcsTaskDefinition", ".spec.family", "maxLength", 255)]
    [InlineData("EcsTaskDefinition", ".spec.containerDefinitions[].name", "maxLength", 255)]
    [InlineData("EcsTaskDefinition", ".spec.containerDefinitions[].image", "maxLength", 255)]
    [InlineData("EcsTaskDefinition", ".spec.containerDefinitions[].environment", "maxItems", 1000)]
    [InlineData("EcsTaskDefinition", ".spec.containerDefinitions[].environment[].value", "maxLength", InputBounds.TaskDefinitionText)]
    [InlineData("EcsTaskDefinition", ".spec.containerDefinitions[].command[]", "maxLength", InputBounds.TaskDefinitionText)]
    [InlineData("EcsTaskDefinition", ".spec.containerDefinitions[].secrets[].valueFrom", "maxLength", InputBounds.ArnMaxLength)]
    [InlineData("EcsTaskDefinition", ".spec.containerDefinitions[].dockerLabels", "maxProperties", InputBounds.DefaultMaxProperties)]
    [InlineData("EcsTaskDefinition", ".spec.containerDefinitions[].logConfiguration.options{}", "maxLength", InputBounds.DefaultMapValueMaxLength)]
    [InlineData("EcsTaskDefinition", ".spec.placementConstraints", "maxItems", 10)]
    [InlineData("EcsTaskDefinition", ".spec.placementConstraints[].expression", "maxLength", 2000)]
    [InlineData("EcsService", ".spec.loadBalancers", "maxItems", 5)]
    [InlineData("EcsService", ".spec.networkConfiguration.awsvpcConfiguration.subnets", "maxItems", 16)]
    [InlineData("EcsService", ".spec.networkConfiguration.awsvpcConfiguration.securityGroups", "maxItems", 5)]
    [InlineData("EcsService", ".spec.placementStrategy", "maxItems", 5)]
    [InlineData("EcsService", ".spec.deploymentConfiguration.lifecycleHooks[].roleArn", "maxLength", InputBounds.ArnMaxLength)]
    [InlineData("EcsTask", ".spec.overrides.containerOverrides[].command", "maxItems", 256)]
    [InlineData("EcsCluster", ".spec.configuration.executeCommandConfiguration.logConfiguration.s3BucketName", "maxLength", 63)]
    public void Bounds_follow_ecs_documented_limits(string kind, string path, string keyword, int bound) =>
        Assert.Equal(bound, Number(GeneratedCrds.At(kind, path)[keyword]));

    [Fact]
    public void Tags_follow_botocores_limits_wherever_they_appear()
    {
        var tagLists = GeneratedCrds.ByKind.Keys
            .SelectMany(kind => GeneratedCrds.Walk(GeneratedCrds.Schema(kind)).Where(n => n.Path.EndsWith(".tags", StringComparison.Ordinal) && !n.Path.StartsWith(".status", StringComparison.Ordinal)).Select(n => (kind, n.Path, n.Node)))
            .ToList();
        Assert.NotEmpty(tagLists);
        foreach (var (kind, path, node) in tagLists)
        {
            Assert.True(Number(node["maxItems"]) <= 50, $"{kind}{path}");
            Assert.True(Number(node["items"]?["properties"]?["key"]?["maxLength"]) <= 128, $"{kind}{path}[].key");
            Assert.True(Number(node["items"]?["properties"]?["value"]?["maxLength"]) <= 256, $"{kind}{path}[].value");
        }
    }

    [Fact]
    public void An_oversized_spec_is_refused_by_the_schema_and_a_realistic_one_passes()
    {
        var spec = (JsonObject)GeneratedCrds.Schema("EcsTaskDefinition")["properties"]!["spec"]!;
        JsonObject Container() => new()
        {
            ["name"] = "web",
            ["image"] = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/shop/web:1.42.0",
            ["environment"] = new JsonArray(new JsonObject { ["name"] = "MODE", ["value"] = "production" }),
            ["dockerLabels"] = new JsonObject { ["team"] = "shop" },
        };

        Assert.Empty(SchemaValidator.Validate(new JsonObject { ["containerDefinitions"] = new JsonArray(Container()) }, spec));

        var longName = Container();
        longName["name"] = new string('a', 256);
        var manyVariables = Container();
        manyVariables["environment"] = new JsonArray([.. Enumerable.Range(0, 1001).Select(i => (JsonNode)new JsonObject { ["name"] = $"V{i}", ["value"] = "x" })]);
        var manyLabels = Container();
        manyLabels["dockerLabels"] = new JsonObject(Enumerable.Range(0, InputBounds.DefaultMaxProperties + 1).Select(i => KeyValuePair.Create($"l{i}", (JsonNode?)JsonValue.Create("x"))));
        var hugeCommand = Container();
        hugeCommand["command"] = new JsonArray(new string('x', InputBounds.TaskDefinitionText + 1));

        foreach (var (container, expected) in new[] { (longName, "longer than 255"), (manyVariables, "more than 1000 items"), (manyLabels, "more than 100 properties"), (hugeCommand, "longer than 32768") })
        {
            var errors = SchemaValidator.Validate(new JsonObject { ["containerDefinitions"] = new JsonArray(container) }, spec);
            Assert.Contains(errors, e => e.Contains(expected, StringComparison.Ordinal));
        }
    }
}
