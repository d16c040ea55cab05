using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using EcsOperator.Kubernetes.Informer;
using EcsOperator.Kubernetes.Model;
using EcsOperator.Kubernetes.Tests.Support;
using Xunit;

namespace EcsOperator.Kubernetes.Tests.Informer;

/// <summary>The informers decode lists of strings and of conditions as exact-size arrays, with the same values and the same JSON written back.</summary>
public sealed class ExactArrayConverterTests
{
    [Theory]
    [InlineData("[]", new string[0])]
    [InlineData("""["ecs.example.com/cleanup"]""", new[] { "ecs.example.com/cleanup" })]
    [InlineData("""["a","b"]""", new[] { "a", "b" })]
    [InlineData("""["a","b","c","d","e"]""", new[] { "a", "b", "c", "d", "e" })]
    public void A_cached_objects_string_list_is_an_array_of_its_length_holding_pooled_strings(string finalizers, string[] expected)
    {
        var pool = new StringPool();
        var typeInfo = (JsonTypeInfo<Widget>)PooledStringConverter.Pooled(TestJsonContext.Default.Options, pool).GetTypeInfo(typeof(Widget));
        var json = $$$"""{"apiVersion":"test.example.com/v1","kind":"Widget","metadata":{"name":"w","finalizers":{{{finalizers}}}},"spec":{"size":1}}""";

        var widget = JsonSerializer.Deserialize(json, typeInfo)!;

        var array = widget.Metadata.Finalizers!;
        Assert.Equal(expected, array);
        // No list with spare slots around the elements: an array of exactly their number, or one element held inline.
        Assert.IsNotType<List<string>>(array);
        if (expected.Length != 1)
        {
            Assert.Equal(expected.Length, Assert.IsType<string[]>(array).Length);
        }
        Assert.Equal(JsonSerializer.Serialize(widget, TestJsonContext.Default.Widget), JsonSerializer.Serialize(widget, typeInfo));
        Assert.Equal(JsonSerializer.Serialize(JsonSerializer.Deserialize(json, TestJsonContext.Default.Widget), TestJsonContext.Default.Widget),
            JsonSerializer.Serialize(widget, TestJsonContext.Default.Widget));
        if (expected.Length > 0)
        {
            Assert.Same(array[0], JsonSerializer.Deserialize(json, typeInfo)!.Metadata.Finalizers![0]); // still through the pool
        }
    }

    [Fact]
    public void A_null_list_stays_null_and_a_malformed_one_is_refused()
    {
        var typeInfo = (JsonTypeInfo<Widget>)PooledStringConverter.Pooled(TestJsonContext.Default.Options, new StringPool()).GetTypeInfo(typeof(Widget));
        Assert.Null(JsonSerializer.Deserialize("""{"metadata":{"name":"w","finalizers":null},"spec":{"size":1}}""", typeInfo)!.Metadata.Finalizers);
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize("""{"metadata":{"name":"w","finalizers":"a"},"spec":{"size":1}}""", typeInfo));
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize("""{"metadata":{"name":"w","finalizers":[1]},"spec":{"size":1}}""", typeInfo));
    }

    [Fact]
    public void Conditions_decode_as_an_exact_array_with_every_field()
    {
        var options = PooledStringConverter.Pooled(ConditionsJsonContext.Default.Options, new StringPool());
        var typeInfo = (JsonTypeInfo<ConditionHolder>)options.GetTypeInfo(typeof(ConditionHolder));
        const string json = """{"conditions":[{"type":"Ready","status":"True","observedGeneration":3,"lastTransitionTime":"2026-12-05T23:00:00+00:00","reason":"Available","message":"ok"},{"type":"Stalled","status":"False","lastTransitionTime":"2026-12-05T22:00:00+00:00","reason":"None","message":""}]}""";

        var holder = JsonSerializer.Deserialize(json, typeInfo)!;

        var conditions = Assert.IsType<Condition[]>(holder.Conditions);
        Assert.Equal(2, conditions.Length);
        Assert.Equal(new Condition { Type = "Ready", Status = "True", ObservedGeneration = 3, LastTransitionTime = DateTimeOffset.Parse("2026-12-05T23:00:00+00:00", System.Globalization.CultureInfo.InvariantCulture), Reason = "Available", Message = "ok" }, conditions[0]);
        Assert.Equal(("Stalled", "False", (long?)null, ""), (conditions[1].Type, conditions[1].Status, conditions[1].ObservedGeneration, conditions[1].Message));
        Assert.Equal(JsonSerializer.Serialize(JsonSerializer.Deserialize(json, ConditionsJsonContext.Default.ConditionHolder), ConditionsJsonContext.Default.ConditionHolder),
            JsonSerializer.Serialize(holder, typeInfo));
    }
}

public sealed record ConditionHolder
{
    public IReadOnlyList<Condition>? Conditions { get; init; }
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ConditionHolder))]
public sealed partial class ConditionsJsonContext : JsonSerializerContext;
