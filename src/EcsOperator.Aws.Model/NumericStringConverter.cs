using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace EcsOperator.Aws.Model;

/// <summary>
/// For string members that carry numbers (a container's <c>cpu</c> and <c>memory</c> in a task description): AWS
/// sends them as strings, but emulators and older payloads send JSON numbers. Reads either, keeping the number's
/// text; writes a string as AWS does.
/// </summary>
public sealed class NumericStringConverter : JsonConverter<string>
{
    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType switch
        {
            JsonTokenType.String => reader.GetString(),
            JsonTokenType.Number => Encoding.UTF8.GetString(
                reader.HasValueSequence ? System.Buffers.BuffersExtensions.ToArray(reader.ValueSequence) : reader.ValueSpan),
            _ => throw new JsonException($"Expected a string or a number, got {reader.TokenType}."),
        };

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value);
    }
}
