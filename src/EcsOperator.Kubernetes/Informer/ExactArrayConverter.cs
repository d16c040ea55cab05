using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace EcsOperator.Kubernetes.Informer;

/// <summary>
/// Decodes a JSON array declared <see cref="IReadOnlyList{T}"/> into an array of exactly its length instead of a
/// <see cref="List{T}"/>: a cached object's lists (finalizers, subnets, conditions ...) mostly hold one or two elements,
/// and the list around the array is 32 bytes more per list, its spare slots more still. Writes the same JSON.
/// </summary>
public sealed class ExactArrayConverter<T> : JsonConverter<IReadOnlyList<T>>
{
    public override IReadOnlyList<T>? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException($"expected an array, got {reader.TokenType}");
        }

        var element = Element(options);
        Next(ref reader);
        if (reader.TokenType == JsonTokenType.EndArray)
        {
            return [];
        }

        var first = JsonSerializer.Deserialize(ref reader, element)!;
        Next(ref reader);
        if (reader.TokenType == JsonTokenType.EndArray)
        {
            return [first]; // the compiler's one-element list: the element inline, 24 bytes (an array of one is 32)
        }

        // Two or more: collected, then copied once to the exact length (the list is garbage at once).
        var many = new List<T>(4) { first };
        do
        {
            many.Add(JsonSerializer.Deserialize(ref reader, element)!);
            Next(ref reader);
        }
        while (reader.TokenType != JsonTokenType.EndArray);
        return many.ToArray(); // an array, not the compiler's read-only wrapper around one
    }

    public override void Write(Utf8JsonWriter writer, IReadOnlyList<T> value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        var element = Element(options);
        writer.WriteStartArray();
        foreach (var item in value)
        {
            JsonSerializer.Serialize(writer, item, element);
        }

        writer.WriteEndArray();
    }

    private static JsonTypeInfo<T> Element(JsonSerializerOptions options) => (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T));

    private static void Next(ref Utf8JsonReader reader)
    {
        if (!reader.Read())
        {
            throw new JsonException("the array ends early");
        }
    }
}
