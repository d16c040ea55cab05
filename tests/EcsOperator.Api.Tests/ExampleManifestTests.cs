using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using EcsOperator.Api.Tests.Support;
using EcsOperator.Testing;
using EcsOperator.KubeApiServer;

namespace EcsOperator.Api.Tests;

/// <summary>The manifests in deploy/examples are what users copy: they must stay valid against the API as it changes.</summary>
public sealed class ExampleManifestTests
{
    private static readonly JsonSerializerOptions Strict = new(ApiJsonContext.Default.Options)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    public static TheoryData<string> ExampleFiles => new(
        Directory.EnumerateFiles(RepoPaths.Examples, "*.yaml").Select(Path.GetFileName).Order(StringComparer.Ordinal)!);

    private static IEnumerable<JsonObject> Documents(string file) =>
        YamlToJson.ParseDocuments(File.ReadAllText(Path.Combine(RepoPaths.Examples, file))).Cast<JsonObject>();

    [Theory]
    [MemberData(nameof(ExampleFiles))]
    public void Example_is_accepted_by_the_crd_schema_and_its_rules(string file)
    {
        foreach (var document in Documents(file))
        {
            var kind = Kinds.ByKind(document["kind"]!.GetValue<string>());
            Assert.NotNull(kind);
            Assert.Equal(ApiGroup.ApiVersion, document["apiVersion"]!.GetValue<string>());
            var schema = GeneratedCrds.Schema(kind.Kind);
            var errors = SchemaValidator.Validate(SchemaValidator.WithDefaults(document, schema), schema);
            Assert.True(errors.Count == 0, $"{file} {kind.Kind}/{document["metadata"]?["name"]}:\n" + string.Join("\n", errors));
        }
    }

    [Theory]
    [MemberData(nameof(ExampleFiles))]
    public void Example_deserializes_strictly_and_loses_nothing(string file)
    {
        foreach (var document in Documents(file))
        {
            var kind = Kinds.ByKind(document["kind"]!.GetValue<string>())!;
            var defaulted = SchemaValidator.WithDefaults(document, GeneratedCrds.Schema(kind.Kind));
            var typed = defaulted.Deserialize(kind.ClrType, Strict);
            Assert.NotNull(typed);
            var written = JsonSerializer.SerializeToNode(typed, kind.ClrType, ApiJsonContext.Default.Options);
            Assert.True(JsonNode.DeepEquals(defaulted, written), $"{file}: {kind.Kind} reads back as\n{written}\nnot\n{defaulted}");
        }
    }

    [Fact]
    public void Unknown_fields_in_a_manifest_fail_the_strict_reading()
    {
        var typo = JsonNode.Parse("""{"apiVersion":"ecs.operator.dev/v1alpha1","kind":"EcsService","spec":{"taskDefinition":"web:1","desiredCont":3}}""")!;
        Assert.Throws<JsonException>(() => typo.Deserialize<Services.EcsService>(Strict));
        var errors = SchemaValidator.Validate(typo, GeneratedCrds.Schema("EcsService"));
        Assert.Contains(errors, e => e.Contains("unknown field 'desiredCont'", StringComparison.Ordinal));
    }

    [Fact]
    public void The_examples_cover_every_kind_and_the_documented_scenarios()
    {
        var all = Directory.EnumerateFiles(RepoPaths.Examples, "*.yaml").Select(Path.GetFileName).SelectMany(f => Documents(f!)).ToList();
        Assert.Equal(
            Kinds.All.Select(k => k.Kind).Order(),
            all.Select(d => d["kind"]!.GetValue<string>()).Distinct().Order());
        var specs = all.Select(d => d["spec"]!.ToJsonString()).ToList();
        foreach (var marker in new[] { "\"DAEMON\"", "\"awsfirelens\"", "\"efsVolumeConfiguration\"", "\"memberOf\"", "\"binpack\"", "\"hostPort\":0", "\"FARGATE_SPOT\"", "arn:aws:ssm:", "arn:aws:secretsmanager:", "\"environmentFiles\"", "\"scheduled\"", "\"ttlSecondsAfterFinished\"", "\"BLUE_GREEN\"", "\"CANARY\"", "\"LINEAR\"", "\"alternateTargetGroupArn\"", "\"lifecycleHooks\"" })
        {
            Assert.Contains(specs, s => s.Contains(marker, StringComparison.Ordinal));
        }
    }
}
