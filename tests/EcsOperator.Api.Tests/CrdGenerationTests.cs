using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using EcsOperator.Api.Tests.Support;
using EcsOperator.Crds;
using EcsOperator.Testing;
using EcsOperator.KubeApiServer;

namespace EcsOperator.Api.Tests;

public sealed partial class CrdGenerationTests
{
    private const string Regenerate = "dotnet run --project src/EcsOperator -- crds --output crds";

    [Fact]
    public void Checked_in_crds_match_the_generated_ones()
    {
        var generated = CrdFiles.Render(GeneratedCrds.Docs);
        var problems = new List<string>();
        foreach (var (fileName, yaml) in generated)
        {
            var path = Path.Combine(RepoPaths.Crds, fileName);
            if (!File.Exists(path))
            {
                problems.Add($"missing crds/{fileName}");
            }
            else if (File.ReadAllText(path) != yaml)
            {
                problems.Add($"crds/{fileName} differs from the C# types");
            }
        }

        var expected = generated.Select(g => g.FileName).ToHashSet();
        problems.AddRange(Directory.EnumerateFiles(RepoPaths.Crds, "*.yaml")
            .Select(Path.GetFileName)
            .Where(name => !expected.Contains(name!))
            .Select(name => $"crds/{name} belongs to no kind"));

        Assert.True(problems.Count == 0, $"crds/ is stale ({string.Join("; ", problems)}). Regenerate with: {Regenerate}");
    }

    [Fact]
    public void Generated_yaml_parses_back_to_the_generated_crd()
    {
        foreach (var (kind, crd) in GeneratedCrds.ByKind)
        {
            var yaml = JsonYamlWriter.ToYaml(crd);
            var parsed = Assert.Single(YamlToJson.ParseDocuments(yaml));
            Assert.True(JsonNode.DeepEquals(crd, parsed), $"{kind}: the YAML does not read back as the generated JSON");
        }
    }

    [Fact]
    public void Every_schema_property_has_a_description()
    {
        var missing = new List<string>();
        foreach (var (kind, _) in GeneratedCrds.ByKind)
        {
            foreach (var (path, node) in GeneratedCrds.Walk(GeneratedCrds.Schema(kind)))
            {
                if (path.Length > 0 && path != ".metadata" && !path.EndsWith("[]", StringComparison.Ordinal) && !path.EndsWith("{}", StringComparison.Ordinal)
                    && string.IsNullOrWhiteSpace(node["description"]?.GetValue<string>()))
                {
                    missing.Add($"{kind}{path}");
                }
            }
        }

        Assert.True(missing.Count == 0, "properties without a description (add an XML <summary>):\n" + string.Join("\n", missing));
    }

    [Fact]
    public void Schemas_are_structural()
    {
        var problems = new List<string>();
        foreach (var (kind, _) in GeneratedCrds.ByKind)
        {
            foreach (var (path, node) in GeneratedCrds.Walk(GeneratedCrds.Schema(kind)))
            {
                var where = kind + (path.Length == 0 ? "<root>" : path);
                var type = node["type"]?.GetValue<string>();
                if (type is null && node["x-kubernetes-preserve-unknown-fields"] is null && node["x-kubernetes-int-or-string"] is null)
                {
                    problems.Add($"{where}: no type");
                }

                if (node.ContainsKey("properties") && node.ContainsKey("additionalProperties"))
                {
                    problems.Add($"{where}: properties and additionalProperties together");
                }

                if (type == "array" && node["items"] is not JsonObject)
                {
                    problems.Add($"{where}: array without items");
                }

                foreach (var forbidden in new[] { "$ref", "allOf", "oneOf", "anyOf", "not", "nullable", "definitions", "dependencies", "additionalItems", "patternProperties" })
                {
                    if (node.ContainsKey(forbidden))
                    {
                        problems.Add($"{where}: uses '{forbidden}'");
                    }
                }

                if (node["default"] is { } defaultValue && node["enum"] is JsonArray allowed && !allowed.Any(a => JsonNode.DeepEquals(a, defaultValue)))
                {
                    problems.Add($"{where}: default {defaultValue} not in enum");
                }

                switch (node["x-kubernetes-list-type"]?.GetValue<string>())
                {
                    case "map":
                        var items = (JsonObject)node["items"]!;
                        var required = (items["required"] as JsonArray ?? []).Select(r => r!.GetValue<string>()).ToHashSet();
                        foreach (var key in ((JsonArray)node["x-kubernetes-list-map-keys"]!).Select(k => k!.GetValue<string>()))
                        {
                            var keySchema = items["properties"]?[key];
                            if (keySchema is null)
                            {
                                problems.Add($"{where}: list-map key '{key}' is not a property");
                            }
                            else if (!required.Contains(key) && keySchema["default"] is null)
                            {
                                problems.Add($"{where}: list-map key '{key}' is neither required nor defaulted");
                            }
                        }

                        break;
                    case "set":
                        if (node["items"]?["type"]?.GetValue<string>() is "object" or "array")
                        {
                            problems.Add($"{where}: a set of non-scalars");
                        }

                        break;
                }
            }

            var root = GeneratedCrds.Schema(kind);
            if (root["properties"]?["metadata"] is not JsonObject { Count: 1 } metadata || metadata["type"]?.GetValue<string>() != "object")
            {
                problems.Add($"{kind}: metadata must be a bare object (the API server owns its schema)");
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void Cel_rules_parse_and_only_touch_bounded_fields()
    {
        var problems = new List<string>();
        var ruleCount = 0;
        foreach (var (kind, _) in GeneratedCrds.ByKind)
        {
            foreach (var (path, node) in GeneratedCrds.Walk(GeneratedCrds.Schema(kind)))
            {
                foreach (var validation in node["x-kubernetes-validations"] as JsonArray ?? [])
                {
                    ruleCount++;
                    var rule = validation!["rule"]!.GetValue<string>();
                    var where = $"{kind}{path}: {rule}";
                    try
                    {
                        _ = Cel.Parse(rule);
                    }
                    catch (CelException e)
                    {
                        problems.Add($"{where}: does not parse: {e.Message}");
                    }

                    if (string.IsNullOrWhiteSpace(validation["message"]?.GetValue<string>()))
                    {
                        problems.Add($"{where}: no message");
                    }

                    foreach (Match reference in SelfReference().Matches(rule))
                    {
                        var target = node;
                        foreach (var segment in reference.Value.Split('.').Skip(1))
                        {
                            target = target?["properties"]?[segment] as JsonObject;
                        }

                        if (target is null)
                        {
                            problems.Add($"{where}: {reference.Value} is not a field");
                            continue;
                        }

                        // The API server rejects rules whose estimated cost is unbounded: lists need maxItems, strings maxLength.
                        switch (target["type"]?.GetValue<string>())
                        {
                            case "array":
                                if (target["maxItems"] is null)
                                {
                                    problems.Add($"{where}: {reference.Value} has no maxItems");
                                }

                                if (target["items"]?["type"]?.GetValue<string>() == "string" && target["items"]?["maxLength"] is null)
                                {
                                    problems.Add($"{where}: items of {reference.Value} have no maxLength");
                                }

                                break;
                            case "string":
                                if (target["maxLength"] is null)
                                {
                                    problems.Add($"{where}: {reference.Value} has no maxLength");
                                }

                                break;
                        }
                    }
                }
            }
        }

        Assert.True(ruleCount >= 12, $"expected the cross-field rules, found only {ruleCount}");
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Theory]
    [InlineData("EcsTaskDefinition", ".spec.containerDefinitions", "name")]
    [InlineData("EcsTaskDefinition", ".spec.containerDefinitions[].environment", "name")]
    [InlineData("EcsTaskDefinition", ".spec.containerDefinitions[].secrets", "name")]
    [InlineData("EcsTaskDefinition", ".spec.volumes", "name")]
    [InlineData("EcsTaskDefinition", ".spec.tags", "key")]
    [InlineData("EcsTaskDefinition", ".status.conditions", "type")]
    [InlineData("EcsTaskDefinition", ".status.revisions", "revision")]
    [InlineData("EcsService", ".spec.taskDefinitionTemplate.containerDefinitions", "name")]
    [InlineData("EcsService", ".spec.capacityProviderStrategy", "capacityProvider")]
    [InlineData("EcsService", ".spec.tags", "key")]
    [InlineData("EcsService", ".spec.autoScaling.targetTracking", "name")]
    [InlineData("EcsService", ".spec.autoScaling.scheduled", "name")]
    [InlineData("EcsService", ".spec.autoScaling.targetTracking[].customizedMetricSpecification.dimensions", "name")]
    [InlineData("EcsService", ".status.deployments", "id")]
    [InlineData("EcsService", ".status.conditions", "type")]
    [InlineData("EcsCluster", ".spec.defaultCapacityProviderStrategy", "capacityProvider")]
    [InlineData("EcsCluster", ".spec.settings", "name")]
    [InlineData("EcsTask", ".spec.overrides.containerOverrides", "name")]
    [InlineData("EcsTask", ".status.tasks", "taskArn")]
    [InlineData("EcsTask", ".status.tasks[].containers", "name")]
    public void Lists_of_identified_items_merge_by_their_key(string kind, string path, string key)
    {
        var node = GeneratedCrds.At(kind, path);
        Assert.Equal("map", node["x-kubernetes-list-type"]?.GetValue<string>());
        Assert.Equal([key], ((JsonArray)node["x-kubernetes-list-map-keys"]!).Select(k => k!.GetValue<string>()));
        Assert.Contains(key, ((JsonArray)node["items"]!["required"]!).Select(r => r!.GetValue<string>()));
    }

    [Theory]
    [InlineData("EcsService", ".spec.networkConfiguration.awsvpcConfiguration.subnets")]
    [InlineData("EcsService", ".spec.networkConfiguration.awsvpcConfiguration.securityGroups")]
    [InlineData("EcsTaskDefinition", ".spec.requiresCompatibilities")]
    [InlineData("EcsCluster", ".spec.capacityProviders")]
    public void Unordered_lists_of_scalars_are_sets(string kind, string path) =>
        Assert.Equal("set", GeneratedCrds.At(kind, path)["x-kubernetes-list-type"]?.GetValue<string>());

    [Fact]
    public void Docker_labels_and_log_options_are_string_maps_and_only_documents_are_free_form()
    {
        foreach (var path in new[] { ".spec.containerDefinitions[].dockerLabels", ".spec.containerDefinitions[].logConfiguration.options" })
        {
            var node = GeneratedCrds.At("EcsTaskDefinition", path);
            Assert.Equal("object", node["type"]?.GetValue<string>());
            Assert.Equal("string", node["additionalProperties"]?["type"]?.GetValue<string>());
        }

        var freeForm = GeneratedCrds.ByKind.Keys
            .SelectMany(kind => GeneratedCrds.Walk(GeneratedCrds.Schema(kind)).Select(n => (kind, n.Path, n.Node)))
            .Where(n => n.Node.ContainsKey("x-kubernetes-preserve-unknown-fields"))
            .Select(n => n.kind + n.Path)
            .ToList();
        // Lifecycle hook details are a botocore "document": free-form JSON handed to the hook's Lambda function.
        Assert.Equal(["EcsService.spec.deploymentConfiguration.lifecycleHooks[].hookDetails"], freeForm);
    }

    [Fact]
    public void Types_formats_enums_and_bounds_come_from_the_csharp_types()
    {
        Assert.Equal("int32", GeneratedCrds.At("EcsService", ".spec.desiredCount")["format"]?.GetValue<string>());
        Assert.Equal("int64", GeneratedCrds.At("EcsService", ".status.observedGeneration")["format"]?.GetValue<string>());
        Assert.Equal("double", GeneratedCrds.At("EcsService", ".spec.autoScaling.targetTracking[].targetValue")["format"]?.GetValue<string>());
        Assert.Equal("date-time", GeneratedCrds.At("EcsService", ".status.rollout.startedAt")["format"]?.GetValue<string>());
        Assert.Equal(
            ["bridge", "host", "awsvpc", "none"],
            ((JsonArray)GeneratedCrds.At("EcsTaskDefinition", ".spec.networkMode")["enum"]!).Select(v => v!.GetValue<string>()));
        Assert.Equal("10", GeneratedCrds.At("EcsTaskDefinition", ".spec.containerDefinitions")["maxItems"]?.ToJsonString());
        Assert.Equal("1", GeneratedCrds.At("EcsTaskDefinition", ".spec.containerDefinitions")["minItems"]?.ToJsonString());
        Assert.Equal("1000", GeneratedCrds.At("EcsService", ".spec.capacityProviderStrategy[].weight")["maximum"]?.ToJsonString());
        Assert.Contains("containerDefinitions", ((JsonArray)GeneratedCrds.At("EcsTaskDefinition", ".spec")["required"]!).Select(r => r!.GetValue<string>()));
        Assert.Contains("spec", ((JsonArray)GeneratedCrds.Schema("EcsService")["required"]!).Select(r => r!.GetValue<string>()));
        // Application Auto Scaling shapes are PascalCase on the wire but camelCase in our API, like everything else.
        Assert.NotNull(GeneratedCrds.At("EcsService", ".spec.autoScaling.targetTracking[].customizedMetricSpecification.metricName"));
        Assert.NotNull(GeneratedCrds.At("EcsService", ".spec.enableECSManagedTags"));
    }

    [Theory]
    [InlineData("EcsTaskDefinition", ".spec.revisionHistoryLimit", "10")]
    [InlineData("EcsTaskDefinition", ".spec.deletionPolicy", "\"Delete\"")]
    [InlineData("EcsService", ".spec.deletionPolicy", "\"Delete\"")]
    [InlineData("EcsService", ".spec.adoptionPolicy", "\"None\"")]
    [InlineData("EcsService", ".spec.driftPolicy", "\"Correct\"")]
    [InlineData("EcsService", ".spec.schedulingStrategy", "\"REPLICA\"")]
    [InlineData("EcsService", ".spec.propagateTags", "\"NONE\"")]
    [InlineData("EcsService", ".spec.enableExecuteCommand", "false")]
    [InlineData("EcsCluster", ".spec.adoptionPolicy", "\"None\"")]
    [InlineData("EcsTask", ".spec.count", "1")]
    public void Defaults_match_what_ecs_or_the_operator_assume(string kind, string path, string json) =>
        Assert.Equal(json, GeneratedCrds.At(kind, path)["default"]?.ToJsonString());

    [Fact]
    public void Names_subresources_and_columns_follow_the_design()
    {
        var service = GeneratedCrds.ByKind["EcsService"]["spec"]!;
        Assert.Equal("Namespaced", service["scope"]?.GetValue<string>());
        Assert.Equal(["ecssvc"], ((JsonArray)service["names"]!["shortNames"]!).Select(s => s!.GetValue<string>()));
        Assert.Equal(["ecs"], ((JsonArray)service["names"]!["categories"]!).Select(s => s!.GetValue<string>()));
        var version = service["versions"]![0]!;
        Assert.Equal(".spec.desiredCount", version["subresources"]!["scale"]!["specReplicasPath"]?.GetValue<string>());
        Assert.Equal(".status.runningCount", version["subresources"]!["scale"]!["statusReplicasPath"]?.GetValue<string>());
        Assert.Equal(
            ["Cluster", "Desired", "Running", "Rollout", "Ready", "Drifted", "Age"],
            ((JsonArray)version["additionalPrinterColumns"]!).Where(c => c!["priority"] is null).Select(c => c!["name"]!.GetValue<string>()));

        foreach (var (kind, crd) in GeneratedCrds.ByKind)
        {
            // The tenancy policy is the admin's input only: no status, and cluster-scoped.
            Assert.Equal(kind != "EcsTenantPolicy", crd["spec"]!["versions"]![0]!["subresources"]!["status"] is not null);
            Assert.Equal(kind == "EcsTenantPolicy" ? "Cluster" : "Namespaced", crd["spec"]!["scope"]?.GetValue<string>());
            Assert.Equal("ecs.operator.dev", crd["spec"]!["group"]?.GetValue<string>());
            Assert.Equal("v1alpha1", crd["spec"]!["versions"]![0]!["name"]?.GetValue<string>());
        }

        Assert.Equal(
            ["Status", "Exit code", "Age"],
            ((JsonArray)GeneratedCrds.ByKind["EcsTask"]["spec"]!["versions"]![0]!["additionalPrinterColumns"]!)
                .Where(c => c!["priority"] is null).Select(c => c!["name"]!.GetValue<string>()));
    }

    [GeneratedRegex(@"\bself(\.[A-Za-z_][A-Za-z0-9_]*\b(?!\())+")]
    private static partial Regex SelfReference();
}
