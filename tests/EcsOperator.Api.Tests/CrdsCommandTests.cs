using System.Text.Json.Nodes;
using EcsOperator.Crds;
using EcsOperator.KubeApiServer;
using FsCheck;
using FsCheck.Fluent;

namespace EcsOperator.Api.Tests;

public sealed class CrdsCommandTests : IDisposable
{
    private readonly DirectoryInfo output = Directory.CreateTempSubdirectory("ecs-operator-crds-");

    public void Dispose() => output.Delete(recursive: true);

    [Fact]
    public void Writes_one_file_per_kind_and_removes_stale_ones()
    {
        var stale = Path.Combine(output.FullName, "ecs.operator.dev_ecsoldthings.yaml");
        File.WriteAllText(stale, "old");
        var unrelated = Path.Combine(output.FullName, "kustomization.yaml");
        File.WriteAllText(unrelated, "resources: []");
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        Assert.Equal(0, CrdsCommand.Run(output, stdout, stderr));

        Assert.Equal(
            Kinds.Crds.Select(CrdFiles.FileName).Append("kustomization.yaml").Order(StringComparer.Ordinal),
            output.EnumerateFiles().Select(f => f.Name).Order(StringComparer.Ordinal));
        Assert.False(File.Exists(stale));
        Assert.Contains("removed stale", stderr.ToString(), StringComparison.Ordinal);
        var service = Assert.Single(YamlToJson.ParseDocuments(File.ReadAllText(Path.Combine(output.FullName, "ecs.operator.dev_ecsservices.yaml"))));
        Assert.Equal("ecsservices.ecs.operator.dev", service!["metadata"]!["name"]!.GetValue<string>());
    }

    [Fact]
    public void Without_output_prints_all_crds_as_one_stream()
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        Assert.Equal(0, CrdsCommand.Run(null, stdout, stderr));
        var documents = YamlToJson.ParseDocuments(stdout.ToString());
        Assert.Equal(Kinds.Crds.Select(k => k.CrdName), documents.Select(d => d!["metadata"]!["name"]!.GetValue<string>()));
    }

    [Fact]
    public void Yaml_output_reads_back_as_the_same_strings()
    {
        // Strings that YAML would otherwise read as numbers, booleans, nulls, comments or mappings.
        var tricky = new[] { "true", "no", "10", "0x1F", "1e3", ".5", "", "null", "~", "- item", "a: b", "#x", "trailing:", "multi\nline", "tab\tend ", "line \nwith trailing space", "'quoted'", "\"dq\"", "2026-11-22", "=", "\n", "\n\n", "a\n", "\na", "a\n\nb", " lead" };
        foreach (var text in tricky)
        {
            AssertRoundTrip(text);
        }

        var alphabet = "ab01 :#-'\"\n\t.e{}[],&*!|>%@`?".ToCharArray();
        Prop.ForAll(
                Gen.ArrayOf(Gen.Elements(alphabet)).Select(chars => new string(chars)).ToArbitrary(),
                text => AssertRoundTrip(text))
            .Check(Config.QuickThrowOnFailure.WithMaxTest(500));
    }

    private static void AssertRoundTrip(string text)
    {
        var node = new JsonObject { ["value"] = text, ["list"] = new JsonArray(text, 5, true) };
        var yaml = JsonYamlWriter.ToYaml(node);
        var back = Assert.Single(YamlToJson.ParseDocuments(yaml));
        Assert.True(JsonNode.DeepEquals(node, back), $"'{text}' came back as {back?.ToJsonString()} from:\n{yaml}");
    }
}
