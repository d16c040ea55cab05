using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using System.Xml.Linq;
using EcsOperator.Api.Crds;
using EcsOperator.Api.Tests.Support;
using EcsOperator.Aws.Model;

namespace EcsOperator.Api.Tests;

/// <summary>Misused schema attributes fail at generation time with the offending field named, not at kubectl apply.</summary>
public sealed class SchemaGeneratorTests
{
    public sealed record Item
    {
        public string? Name { get; init; }

        public Item2? Nested { get; init; }
    }

    public sealed record Item2
    {
        public int? Port { get; init; }
    }

    public sealed record ListKeyOnStrings
    {
        [ListKey("name")]
        public IReadOnlyList<string>? Names { get; init; }
    }

    public sealed record ListKeyMissing
    {
        [ListKey("id")]
        public IReadOnlyList<Item>? Items { get; init; }
    }

    public sealed record ListKeyOnObject
    {
        [ListKey("nested")]
        public IReadOnlyList<Item>? Items { get; init; }
    }

    public sealed record SetOfObjects
    {
        [SetList]
        public IReadOnlyList<Item>? Items { get; init; }
    }

    public sealed record Recursive
    {
        public Recursive? Child { get; init; }
    }

    public sealed record Keyed
    {
        [ListKey("Name")]
        [SchemaMaxLength(3)]
        public IReadOnlyList<Item>? Items { get; init; }

        [AllowedValues("a", "bbb")]
        public string? Mode { get; init; }
    }

    private static SchemaGenerator Generator() => new(XmlDocumentation.FromDocuments([new XDocument(new XElement("doc"))]));

    private static JsonTypeInfo Contract(Type type) => SchemaGeneratorTestsJsonContext.Default.GetTypeInfo(type)!;

    [Theory]
    [InlineData(typeof(ListKeyOnStrings), "Names", "needs a list of objects")]
    [InlineData(typeof(ListKeyMissing), "items", "'id' is not a scalar property")]
    [InlineData(typeof(ListKeyOnObject), "items", "'nested' is not a scalar property")]
    [InlineData(typeof(SetOfObjects), "items", "needs a list of scalars")]
    [InlineData(typeof(Recursive), "child", "recursive")]
    public void Bad_attribute_use_is_rejected_naming_the_field(Type type, string field, string problem)
    {
        var error = Assert.Throws<NotSupportedException>(() => Generator().ForType(Contract(type)));
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
        Assert.Contains(field, error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void List_map_keys_match_wire_names_in_any_case_and_become_required()
    {
        var schema = Generator().ForType(Contract(typeof(Keyed)));
        var items = schema["properties"]!["items"]!;
        Assert.Equal("[\"name\"]", items["x-kubernetes-list-map-keys"]!.ToJsonString());
        Assert.Equal("[\"name\"]", items["items"]!["required"]!.ToJsonString());
        Assert.Equal("3", items["maxItems"]!.ToJsonString());
        // An enum bounds the string length, which CEL cost estimation needs.
        Assert.Equal("3", schema["properties"]!["mode"]!["maxLength"]!.ToJsonString());
    }

    [Fact]
    public void Generation_without_documentation_fails_loudly() =>
        Assert.Throws<InvalidOperationException>(() => CrdGenerator.Generate(Kinds.Service, XmlDocumentation.FromDocuments([])));

    [Fact]
    public void Descriptions_render_references_as_yaml_field_names()
    {
        var description = GeneratedCrds.At("EcsTaskDefinition", ".status.conditions[].lastTransitionTime")["description"]!.GetValue<string>();
        Assert.Contains("status", description, StringComparison.Ordinal);
        Assert.DoesNotContain("<", description, StringComparison.Ordinal);
        Assert.DoesNotContain("P:", description, StringComparison.Ordinal);
    }
}

/// <summary>The contracts of the test shapes, as the schema generator reads our kinds' from <see cref="ApiJsonContext"/>.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(SchemaGeneratorTests.ListKeyOnStrings))]
[JsonSerializable(typeof(SchemaGeneratorTests.ListKeyMissing))]
[JsonSerializable(typeof(SchemaGeneratorTests.ListKeyOnObject))]
[JsonSerializable(typeof(SchemaGeneratorTests.SetOfObjects))]
[JsonSerializable(typeof(SchemaGeneratorTests.Recursive))]
[JsonSerializable(typeof(SchemaGeneratorTests.Keyed))]
internal sealed partial class SchemaGeneratorTestsJsonContext : JsonSerializerContext;
