using System.Text.Json.Serialization;
using System.Text.Json.Nodes;
using EcsOperator.Aws.Model;
using EcsOperator.Core.Hashing;
using FsCheck;
using FsCheck.Fluent;

namespace EcsOperator.Core.Tests.Hashing;

public sealed class CanonicalJsonTests
{
    // Shapes in the style of the ECS records: keyed lists, sets, ordered lists and a map.
    public sealed record Env
    {
        public string? Name { get; init; }
        public string? Value { get; init; }
    }

    public sealed record Container
    {
        public string? Name { get; init; }
        [ListKey("name")] public IReadOnlyList<Env>? Environment { get; init; }
        public IReadOnlyList<string>? Command { get; init; }
        public IReadOnlyDictionary<string, string>? DockerLabels { get; init; }
    }

    public sealed record TaskShape
    {
        [ListKey("name")] public IReadOnlyList<Container>? ContainerDefinitions { get; init; }
        [SetList] public IReadOnlyList<string>? RequiresCompatibilities { get; init; }
        public string? Cpu { get; init; }
    }

    private static string Canonical(string json) =>
        CanonicalJson.ToCanonicalString(JsonNode.Parse(json), CanonicalJsonTestsJsonContext.Default.TaskShape);

    [Fact]
    public void Keyed_lists_sets_maps_and_members_are_order_independent()
    {
        var a = Canonical("""
            {"cpu":"256","requiresCompatibilities":["FARGATE","EC2"],"containerDefinitions":[
              {"name":"web","environment":[{"name":"B","value":"2"},{"name":"A","value":"1"}],"dockerLabels":{"y":"1","x":"2"}},
              {"name":"log"}]}
            """);
        var b = Canonical("""
            {"containerDefinitions":[{"name":"log"},
              {"dockerLabels":{"x":"2","y":"1"},"environment":[{"value":"1","name":"A"},{"name":"B","value":"2"}],"name":"web"}],
             "requiresCompatibilities":["EC2","FARGATE"],"cpu":"256"}
            """);
        Assert.Equal(a, b);
    }

    [Fact]
    public void Ordered_lists_keep_their_order()
    {
        var a = Canonical("""{"containerDefinitions":[{"name":"web","command":["run","--fast"]}]}""");
        var b = Canonical("""{"containerDefinitions":[{"name":"web","command":["--fast","run"]}]}""");
        Assert.NotEqual(a, b);
    }

    [Fact]
    public void Nulls_and_empty_lists_and_objects_mean_absent()
    {
        var a = Canonical("""{"cpu":"256","containerDefinitions":[{"name":"web","environment":[],"dockerLabels":{},"command":null}]}""");
        var b = Canonical("""{"cpu":"256","containerDefinitions":[{"name":"web"}],"requiresCompatibilities":[]}""");
        Assert.Equal(a, b);
        Assert.Equal("""{"containerDefinitions":[{"name":"web"}],"cpu":"256"}""", a);
    }

    [Fact]
    public void A_changed_value_changes_the_hash()
    {
        var a = SpecHash.OfCanonical(Canonical("""{"containerDefinitions":[{"name":"web","environment":[{"name":"A","value":"1"}]}]}"""));
        var b = SpecHash.OfCanonical(Canonical("""{"containerDefinitions":[{"name":"web","environment":[{"name":"A","value":"2"}]}]}"""));
        Assert.NotEqual(a, b);
        Assert.Equal(20, a.Length);
    }

    [Fact]
    public void Hash_is_stable_under_any_reordering_of_keyed_lists_and_sets()
    {
        var names = Gen.Elements("A", "B", "C", "D", "E", "F");
        var property = Prop.ForAll(
            Gen.ListOf(names).Select(l => l.Distinct().ToArray()).ToArbitrary(),
            Gen.Shuffle(new[] { "EC2", "FARGATE", "EXTERNAL" }).ToArbitrary(),
            (envNames, compat) =>
            {
                var env = envNames.Select((n, i) => new Env { Name = n, Value = i.ToString(System.Globalization.CultureInfo.InvariantCulture) }).ToArray();
                var original = new TaskShape
                {
                    ContainerDefinitions = [new Container { Name = "web", Environment = env }, new Container { Name = "sidecar" }],
                    RequiresCompatibilities = ["EC2", "EXTERNAL", "FARGATE"],
                };
                var reordered = new TaskShape
                {
                    ContainerDefinitions = [new Container { Name = "sidecar" }, new Container { Name = "web", Environment = env.Reverse().ToArray() }],
                    RequiresCompatibilities = compat,
                };
                return Hash(original) == Hash(reordered);
            });
        property.QuickCheckThrowOnFailure();
    }

    private static string Hash(TaskShape shape) => SpecHash.Of(shape, CanonicalJsonTestsJsonContext.Default.TaskShape);
}

/// <summary>The test shapes' contract, as the ECS records have theirs in EcsJsonContext.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(CanonicalJsonTests.TaskShape))]
internal sealed partial class CanonicalJsonTestsJsonContext : JsonSerializerContext;
