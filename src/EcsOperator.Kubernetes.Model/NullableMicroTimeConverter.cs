using System.Text.Json;
using System.Text.Json.Serialization;

namespace EcsOperator.Kubernetes.Model;

/// <summary><see cref="MicroTimeConverter"/> for optional fields.</summary>
public sealed class NullableMicroTimeConverter : JsonConverter<DateTimeOffset?>
{
    private static readonly MicroTimeConverter Inner = new();

    public override bool HandleNull => true;

    public override DateTimeOffset? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.Null ? null : Inner.Read(ref reader, typeof(DateTimeOffset), options);

    public override void Write(Utf8JsonWriter writer, DateTimeOffset? value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value is { } v)
        {
            Inner.Write(writer, v, options);
        }
        else
        {
            writer.WriteNullValue();
        }
    }
}
