using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace EcsOperator.Kubernetes.Model;

/// <summary>
/// metav1.MicroTime: RFC 3339 in UTC with exactly six fractional digits. The API server parses these with Go's
/// fixed-width layout, so the default round-trip format (seven digits, "+00:00") would be rejected.
/// </summary>
public sealed class MicroTimeConverter : JsonConverter<DateTimeOffset>
{
    private const string Format = "yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'";

    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.GetString() ?? throw new JsonException("MicroTime must be a string");
        return DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.UtcDateTime.ToString(Format, CultureInfo.InvariantCulture));
    }
}
