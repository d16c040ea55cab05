using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using EcsOperator.Aws.Telemetry;
using EcsOperator.Aws.Tests.Transport;
using EcsOperator.Aws.Transport;
using Xunit;

namespace EcsOperator.Aws.Tests.Telemetry;

public sealed class TelemetryTests : IDisposable
{
    private readonly ConcurrentQueue<Activity> _activities = new();
    private readonly ConcurrentQueue<(string Instrument, double Value, Dictionary<string, object?> Tags)> _measurements = new();
    private readonly ActivityListener _activityListener;
    private readonly MeterListener _meterListener;

    public TelemetryTests()
    {
        _activityListener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == AwsTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = _activities.Enqueue,
        };
        ActivitySource.AddActivityListener(_activityListener);
        _meterListener = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == AwsTelemetry.Name)
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            },
        };
        _meterListener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Record(instrument, value, tags));
        _meterListener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Record(instrument, value, tags));
        _meterListener.Start();
    }

    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var map = new Dictionary<string, object?>();
        foreach (var tag in tags)
        {
            map[tag.Key] = tag.Value;
        }

        _measurements.Enqueue((instrument.Name, value, map));
    }

    // Other tests run in parallel and emit too: look only at this test's (uniquely named) operation.
    private List<(string Instrument, double Value, Dictionary<string, object?> Tags)> Measurements(string instrument, string method) =>
        [.. _measurements.Where(m => m.Instrument == instrument && Equals(m.Tags.GetValueOrDefault("rpc.method"), method))];

    private Activity SingleSpan(string method) =>
        Assert.Single(_activities, a => Equals(a.GetTagItem("rpc.method"), method));

    [Fact]
    public async Task Throttled_then_successful_call_is_one_span_with_retry_and_throttle_counts()
    {
        var operation = new AwsOperation(AwsService.Ecs, "TelemetryThrottledThenOk", OperationFamily.Read);
        await using var server = await LoopbackAwsServer.StartAsync((context, number) => number <= 2
            ? LoopbackAwsServer.WriteErrorAsync(context, 400, "ThrottlingException", "Rate exceeded", $"req-{number}")
            : LoopbackAwsServer.WriteJsonAsync(context, "{}", "req-final"));
        var transport = TestTransports.Create(server.Endpoint);

        await transport.PingAsync(operation: operation);

        var span = SingleSpan(operation.Name);
        Assert.Equal("ECS/TelemetryThrottledThenOk", span.DisplayName);
        Assert.Equal(ActivityKind.Client, span.Kind);
        Assert.Equal("aws-api", span.GetTagItem("rpc.system"));
        Assert.Equal("ECS", span.GetTagItem("rpc.service"));
        Assert.Equal("req-final", span.GetTagItem("aws.request_id"));
        Assert.Equal(3, span.GetTagItem("aws.attempts"));
        Assert.Null(span.GetTagItem("error.type"));
        Assert.Equal(ActivityStatusCode.Unset, span.Status);

        Assert.Equal(2, Measurements("aws.client.retries", operation.Name).Sum(m => m.Value));
        Assert.Equal(2, Measurements("aws.client.throttles", operation.Name).Sum(m => m.Value));
        var call = Assert.Single(Measurements("aws.client.calls", operation.Name));
        Assert.Equal("success", call.Tags["outcome"]);
        Assert.Equal("ECS", call.Tags["rpc.service"]);
        var duration = Assert.Single(Measurements("aws.client.duration", operation.Name));
        Assert.True(duration.Value > 0);
    }

    [Fact]
    public async Task Failed_call_records_the_error_type_on_span_and_counter()
    {
        var operation = new AwsOperation(AwsService.ApplicationAutoScaling, "TelemetryRejected", OperationFamily.Mutate);
        await using var server = await LoopbackAwsServer.StartAsync((context, _) =>
            LoopbackAwsServer.WriteErrorAsync(context, 400, "ValidationException", "bad dimension", "req-bad"));
        var transport = TestTransports.Create(server.Endpoint);

        await Assert.ThrowsAsync<AwsServiceException>(() => transport.PingAsync(operation: operation));

        var span = SingleSpan(operation.Name);
        Assert.Equal("ApplicationAutoScaling", span.GetTagItem("rpc.service"));
        Assert.Equal("ValidationException", span.GetTagItem("error.type"));
        Assert.Equal("req-bad", span.GetTagItem("aws.request_id"));
        Assert.Equal(400, span.GetTagItem("http.response.status_code"));
        Assert.Equal(ActivityStatusCode.Error, span.Status);
        var call = Assert.Single(Measurements("aws.client.calls", operation.Name));
        Assert.Equal("terminal", call.Tags["outcome"]);
        Assert.Equal("ValidationException", call.Tags["error.type"]);
        Assert.Empty(Measurements("aws.client.retries", operation.Name));
    }

    [Fact]
    public async Task Waiting_for_the_client_side_bucket_is_counted()
    {
        var operation = new AwsOperation(AwsService.Ecs, "TelemetryRateLimited", OperationFamily.RunTask);
        await using var server = await LoopbackAwsServer.StartAsync((context, _) => LoopbackAwsServer.WriteJsonAsync(context, "{}"));
        var transport = TestTransports.Create(server.Endpoint, o => o.RateLimits.RunTask = new() { Burst = 1, RequestsPerSecond = 4 });

        await Task.WhenAll(transport.PingAsync(operation: operation), transport.PingAsync(operation: operation), transport.PingAsync(operation: operation));

        Assert.Equal(2, Measurements("aws.client.rate_limit.waits", operation.Name).Sum(m => m.Value));
    }

    public void Dispose()
    {
        _activityListener.Dispose();
        _meterListener.Dispose();
    }
}
