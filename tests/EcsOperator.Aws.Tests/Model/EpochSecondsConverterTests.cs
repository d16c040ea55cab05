using System.Text.Json;
using EcsOperator.Aws.Model.ApplicationAutoScaling;
using EcsOperator.Aws.Model.Ecs;
using Xunit;

namespace EcsOperator.Aws.Tests.Model;

/// <summary>AWS JSON 1.1 timestamps are epoch seconds, whole or fractional.</summary>
public sealed class EpochSecondsConverterTests
{
    [Theory]
    [InlineData("1700000000", 1_700_000_000_000L)]
    [InlineData("1700000000.5", 1_700_000_000_500L)]
    [InlineData("1700000000.123", 1_700_000_000_123L)]
    [InlineData("1.7000000001E9", 1_700_000_000_100L)]
    [InlineData("0", 0L)]
    [InlineData("\"1700000000.25\"", 1_700_000_000_250L)]
    [InlineData("\"2023-11-14T22:13:20Z\"", 1_700_000_000_000L)]
    [InlineData("\"2023-11-14T23:13:20.5+01:00\"", 1_700_000_000_500L)]
    public void Reads_epoch_seconds_and_defensive_string_forms(string json, long expectedUnixMilliseconds)
    {
        var read = JsonSerializer.Deserialize($$"""{ "createdAt": {{json}} }""", EcsJsonContext.Default.ServiceEvent)!;

        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(expectedUnixMilliseconds), read.CreatedAt);
        Assert.Equal(TimeSpan.Zero, read.CreatedAt!.Value.Offset);
    }

    [Theory]
    [InlineData("\"yesterday\"")]
    [InlineData("true")]
    [InlineData("1e300")]
    [InlineData("{}")]
    public void Rejects_what_is_not_a_timestamp_with_a_clear_error(string json)
    {
        var error = Assert.Throws<JsonException>(() =>
            JsonSerializer.Deserialize($$"""{ "createdAt": {{json}} }""", EcsJsonContext.Default.ServiceEvent));

        Assert.Contains("createdAt", error.Path ?? error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Writes_whole_seconds_as_an_integer_and_fractions_to_the_millisecond()
    {
        var whole = new PutScheduledActionRequest { StartTime = DateTimeOffset.FromUnixTimeSeconds(1_700_000_000) };
        var fraction = new PutScheduledActionRequest
        {
            StartTime = new DateTimeOffset(2023, 11, 14, 23, 13, 20, 250, TimeSpan.FromHours(1)),
        };

        Assert.Equal(
            """{"StartTime":1700000000}""",
            JsonSerializer.Serialize(whole, ApplicationAutoScalingJsonContext.Default.PutScheduledActionRequest));
        Assert.Equal(
            """{"StartTime":1700000000.25}""",
            JsonSerializer.Serialize(fraction, ApplicationAutoScalingJsonContext.Default.PutScheduledActionRequest));
    }

    [Fact]
    public void Null_timestamps_are_omitted_and_read_back_as_null()
    {
        Assert.Equal("{}", JsonSerializer.Serialize(new PutScheduledActionRequest(), ApplicationAutoScalingJsonContext.Default.PutScheduledActionRequest));
        Assert.Null(JsonSerializer.Deserialize("""{ "createdAt": null }""", EcsJsonContext.Default.ServiceEvent)!.CreatedAt);
    }
}
