using System.Buffers.Text;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace EcsOperator.Aws.Model;

/// <summary>
/// Reads and writes AWS JSON 1.1 timestamps: seconds since the Unix epoch as a JSON number, possibly fractional
/// (<c>1700000000.123</c>). Reading also accepts a numeric string or an ISO 8601 string, defensively, because some
/// tools and fixtures emit those.
/// </summary>
public sealed class EpochSecondsConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Number:
                if (reader.TryGetDecimal(out var seconds))
                    return FromEpochSeconds(seconds);
                // Larger than decimal can hold: certainly not a real timestamp.
                throw new JsonException($"Timestamp {reader.GetDouble()} is out of range.");
            case JsonTokenType.String:
                var text = reader.GetString()!;
                if (decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed))
                    return FromEpochSeconds(parsed);
                if (DateTimeOffset.TryParse(
                        text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal,
                        out var iso))
                    return iso;
                throw new JsonException($"'{text}' is neither epoch seconds nor an ISO 8601 timestamp.");
            default:
                throw new JsonException($"Expected a timestamp (epoch seconds), got {reader.TokenType}.");
        }
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        var ticks = value.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks;
        if (ticks % TimeSpan.TicksPerSecond == 0)
        {
            writer.WriteNumberValue(ticks / TimeSpan.TicksPerSecond);
            return;
        }

        // Milliseconds are what AWS itself sends; finer precision would only add noise to request hashes.
        var seconds = decimal.Round((decimal)ticks / TimeSpan.TicksPerSecond, 3, MidpointRounding.AwayFromZero);
        Span<byte> buffer = stackalloc byte[32];
        if (Utf8Formatter.TryFormat(seconds, buffer, out var written))
            writer.WriteRawValue(buffer[..written], skipInputValidation: true);
        else
            writer.WriteNumberValue(seconds);
    }

    private static DateTimeOffset FromEpochSeconds(decimal seconds)
    {
        const decimal maxSeconds = 253402300799m; // 9999-12-31T23:59:59Z
        const decimal minSeconds = -62135596800m; // 0001-01-01T00:00:00Z
        if (seconds is > maxSeconds or < minSeconds)
            throw new JsonException($"Timestamp {seconds} is out of range.");
        var ticks = decimal.ToInt64(decimal.Round(seconds * TimeSpan.TicksPerSecond, MidpointRounding.AwayFromZero));
        return new DateTimeOffset(DateTimeOffset.UnixEpoch.UtcTicks + ticks, TimeSpan.Zero);
    }
}
