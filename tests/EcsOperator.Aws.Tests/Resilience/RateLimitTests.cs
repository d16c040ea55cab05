using System.Collections.Concurrent;
using System.Diagnostics;
using EcsOperator.Aws.Resilience;
using EcsOperator.Aws.Tests.Transport;
using EcsOperator.Aws.Transport;
using Xunit;

namespace EcsOperator.Aws.Tests.Resilience;

public sealed class RateLimitTests
{
    private static readonly AwsOperation Read = new(AwsService.Ecs, "DescribeServices", OperationFamily.Read);
    private static readonly AwsOperation Mutate = new(AwsService.Ecs, "UpdateService", OperationFamily.Mutate);

    [Fact]
    public async Task A_burst_above_the_bucket_waits_for_tokens_instead_of_failing()
    {
        var arrivals = new ConcurrentQueue<TimeSpan>();
        var clock = Stopwatch.StartNew();
        await using var server = await LoopbackAwsServer.StartAsync((context, number) =>
        {
            arrivals.Enqueue(clock.Elapsed);
            return LoopbackAwsServer.WriteJsonAsync(context, "{}");
        });
        var transport = TestTransports.Create(server.Endpoint, o => o.RateLimits.Read = new TokenBucketSettings { Burst = 2, RequestsPerSecond = 10 });
        // One request first (connection, code paths warm), then a full bucket again: what is timed below is the limiter,
        // not a slow first connection (measured from the first arrival, that delay hid the wait under load).
        await transport.PingAsync(operation: Read);
        await Task.Delay(TimeSpan.FromMilliseconds(300), TestContext.Current.CancellationToken);
        arrivals.Clear();

        var burst = clock.Elapsed;
        await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => transport.PingAsync(operation: Read)));

        Assert.Equal(11, server.Count);
        var last = arrivals.Max() - burst;
        // Two go at once; the other eight need eight refills of 100 ms each. The limiter's refill timer credits the time
        // since its last tick, so a tick starved by a busy machine before the burst can hand out up to a full bucket
        // (two) at the first tick after it (seen in CI: six requests spread over only 205 ms): the last of these ten
        // still cannot arrive before 500 ms.
        Assert.True(last >= TimeSpan.FromMilliseconds(300), $"burst spread over only {last}");
    }

    [Fact]
    public async Task Without_the_limiter_the_same_burst_is_not_spread_out()
    {
        var arrivals = new ConcurrentQueue<TimeSpan>();
        var clock = Stopwatch.StartNew();
        await using var server = await LoopbackAwsServer.StartAsync((context, number) =>
        {
            arrivals.Enqueue(clock.Elapsed);
            return LoopbackAwsServer.WriteJsonAsync(context, "{}");
        });
        var transport = TestTransports.Create(server.Endpoint, o =>
        {
            o.RateLimits.Read = new TokenBucketSettings { Burst = 2, RequestsPerSecond = 0.2 };
            o.RateLimits.Enabled = false;
        });

        await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => transport.PingAsync(operation: Read)));

        var times = arrivals.Order().ToList();
        Assert.Equal(6, times.Count);
        Assert.True(times[^1] - times[0] < TimeSpan.FromSeconds(4), $"burst took {times[^1] - times[0]}");
    }

    [Fact]
    public async Task An_empty_read_bucket_does_not_hold_back_mutations()
    {
        await using var server = await LoopbackAwsServer.StartAsync((context, _) => LoopbackAwsServer.WriteJsonAsync(context, "{}"));
        var transport = TestTransports.Create(server.Endpoint, o =>
        {
            o.RateLimits.Read = new TokenBucketSettings { Burst = 1, RequestsPerSecond = 0.1 };
            o.RateLimits.Mutate = new TokenBucketSettings { Burst = 5, RequestsPerSecond = 1 };
        });
        await transport.PingAsync(operation: Read);

        using var stopWaiting = new CancellationTokenSource();
        var waitingRead = transport.PingUntilAsync(stopWaiting.Token, operation: Read);
        await transport.PingAsync(operation: Mutate);

        Assert.False(waitingRead.IsCompleted, "the second read should still wait for its 10 s refill");
        Assert.Equal(2, server.Count);
        // A call waiting for a token also honours cancellation.
        await stopWaiting.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waitingRead);
        Assert.Equal(2, server.Count);
    }

    [Theory]
    [InlineData(0, 1.0, "RateLimits.Read.Burst")]
    [InlineData(1, 0.0, "RateLimits.Read.RequestsPerSecond")]
    [InlineData(1, -3.0, "RateLimits.Read.RequestsPerSecond")]
    public void Invalid_bucket_settings_are_rejected_with_the_setting_named(int burst, double rate, string setting)
    {
        var options = new AwsRateLimitOptions { Read = new TokenBucketSettings { Burst = burst, RequestsPerSecond = rate } };

        var error = Assert.Throws<AwsConfigurationException>(() => new AwsRateLimiters(options));

        Assert.Contains(setting, error.Message, StringComparison.Ordinal);
    }
}
