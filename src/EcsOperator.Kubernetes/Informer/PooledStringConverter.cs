using System.Text.Json;
using System.Text.Json.Serialization;
using EcsOperator.Kubernetes.Model;

namespace EcsOperator.Kubernetes.Informer;

/// <summary>
/// Decodes every JSON string (values and dictionary keys) of the informer caches' objects through a
/// <see cref="StringPool"/>: a value already held costs no allocation and no memory of its own.
/// </summary>
public sealed class PooledStringConverter(StringPool pool) : JsonConverter<string>
{
    /// <summary>
    /// A copy of <paramref name="options"/> that decodes every string through <paramref name="pool"/>: the same
    /// source-generated contracts (no reflection, Native AOT safe). Each copy builds its own metadata for every type it
    /// serves, so make one per source options, not one per type. Lists of strings and of conditions are decoded as
    /// exact-size arrays too (<see cref="ExactArrayConverter{T}"/>), and so are the lists <paramref name="decoding"/>
    /// names (the kinds' own element types, which this layer does not know).
    /// </summary>
    public static JsonSerializerOptions Pooled(JsonSerializerOptions options, StringPool pool, InformerDecoding? decoding = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(pool);
        var pooled = new JsonSerializerOptions(options);
        pooled.Converters.Insert(0, new PooledStringConverter(pool));
        pooled.Converters.Insert(1, new ExactArrayConverter<string>());
        pooled.Converters.Insert(2, new ExactArrayConverter<Condition>());
        var at = 3;
        foreach (var converter in decoding?.Converters ?? [])
        {
            pooled.Converters.Insert(at++, converter);
        }

        pooled.MakeReadOnly();
        return pooled;
    }

    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.Null ? null : ReadPooled(ref reader);

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);

    public override string ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => ReadPooled(ref reader);

    public override void WriteAsPropertyName(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WritePropertyName(value);

    private string ReadPooled(ref Utf8JsonReader reader)
    {
        if (reader.TokenType is not (JsonTokenType.String or JsonTokenType.PropertyName))
        {
            throw new JsonException($"expected a string, got {reader.TokenType}");
        }

        // Unescaped UTF-16 is never longer than the escaped UTF-8 it comes from.
        var length = reader.HasValueSequence ? reader.ValueSequence.Length : reader.ValueSpan.Length;
        if (length > StringPool.MaxLength * 3)
        {
            return pool.Intern(reader.GetString()!);
        }

        // Sized to this value: a stack buffer is zeroed, and most values (namespaces, kinds, reasons) are a few bytes.
        Span<char> buffer = stackalloc char[(int)length];
        var written = reader.CopyString(buffer);
        return pool.Intern(buffer[..written]);
    }
}
