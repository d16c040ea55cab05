using System.Diagnostics;
using System.Text;
using EcsOperator.Aws.Transport;
using Microsoft.AspNetCore.Http;
using Xunit;

namespace EcsOperator.Aws.Tests.Transport;

public sealed class TransportFaultTests
{
    private static Task Echo(HttpContext context, int number) =>
        LoopbackAwsServer.WriteJsonAsync(context, $$"""{"echo":"answer {{number}}"}""", $"req-{number}");

    [Fact]
    public async Task Request_is_a_signed_JSON_1_1_POST_with_the_operation_target()
    {
        await using var server = await LoopbackAwsServer.StartAsync(Echo);
        var transport = TestTransports.Create(server.Endpoint);

        var response = await transport.PingAsync("hello");

        Assert.Equal("answer 1", response.Echo);
        var request = Assert.Single(server.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/", request.Path);
        Assert.Equal("AmazonEC2ContainerServiceV20141113.Ping", request.Headers["X-Amz-Target"]);
        Assert.Equal("application/x-amz-json-1.1", request.Headers["Content-Type"]);
        Assert.Equal("""{"value":"hello"}""", Encoding.UTF8.GetString(request.Body));
        Assert.StartsWith("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/", request.Headers["Authorization"], StringComparison.Ordinal);
        Assert.StartsWith("ecs-operator/", request.Headers["User-Agent"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Throttled_calls_succeed_once_AWS_stops_throttling()
    {
        await using var server = await LoopbackAwsServer.StartAsync((context, number) => number <= 3
            ? LoopbackAwsServer.WriteErrorAsync(context, 400, "ThrottlingException", "Rate exceeded")
            : Echo(context, number));
        var transport = TestTransports.Create(server.Endpoint);

        var response = await transport.PingAsync();

        Assert.Equal("answer 4", response.Echo);
        Assert.Equal(4, server.Count);
    }

    [Fact]
    public async Task Html_500_page_is_retried_and_reported_with_its_status()
    {
        await using var server = await LoopbackAwsServer.StartAsync((context, _) =>
        {
            context.Response.StatusCode = 500;
            context.Response.ContentType = "text/html";
            return context.Response.WriteAsync("<html><body><h1>Internal Server Error</h1>\n<p>upstream died</p></body></html>");
        });
        var transport = TestTransports.Create(server.Endpoint, o => o.Retry.MaxAttempts = 3);

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => transport.PingAsync());

        Assert.Equal(3, server.Count);
        Assert.Equal(AwsErrorKind.Retryable, error.Kind);
        Assert.Equal(500, error.HttpStatusCode);
        Assert.Equal("Http500", error.ErrorCode);
        Assert.Contains("HTTP 500", error.Message, StringComparison.Ordinal);
        Assert.Contains("upstream died", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Empty_error_body_still_names_the_status()
    {
        await using var server = await LoopbackAwsServer.StartAsync((context, _) =>
        {
            context.Response.StatusCode = 403;
            return Task.CompletedTask;
        });
        var transport = TestTransports.Create(server.Endpoint);

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => transport.PingAsync());

        Assert.Equal(1, server.Count);
        Assert.Equal(AwsErrorKind.Terminal, error.Kind);
        Assert.Equal("Http403", error.ErrorCode);
        Assert.Contains("HTTP 403", error.Message, StringComparison.Ordinal);
        Assert.Contains("empty body", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reset_connections_are_retried_until_one_gets_through()
    {
        await using var server = await LoopbackAwsServer.StartAsync((context, number) =>
        {
            if (number <= 2)
            {
                context.Abort();
                return Task.CompletedTask;
            }

            return Echo(context, number);
        });
        var transport = TestTransports.Create(server.Endpoint);

        var response = await transport.PingAsync();

        Assert.Equal("answer 3", response.Echo);
        Assert.Equal(3, server.Count);
    }

    [Fact]
    public async Task Unreachable_endpoint_is_a_retryable_connection_failure()
    {
        // Bind and release a loopback port so nothing listens there.
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var transport = TestTransports.Create(new Uri($"http://127.0.0.1:{port}/"), o => o.Retry.MaxAttempts = 2);

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => transport.PingAsync());

        Assert.Equal("ConnectionFailure", error.ErrorCode);
        Assert.Equal(AwsErrorKind.Retryable, error.Kind);
        Assert.Contains($"127.0.0.1:{port}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Terminal_ClientException_is_sent_exactly_once()
    {
        await using var server = await LoopbackAwsServer.StartAsync((context, _) =>
            LoopbackAwsServer.WriteErrorAsync(context, 400, "com.amazonaws.ecs#ClientException", "Invalid revision number", "req-77"));
        var transport = TestTransports.Create(server.Endpoint);

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => transport.PingAsync());

        Assert.Equal(1, server.Count);
        Assert.Equal("ClientException", error.ErrorCode);
        Assert.Equal(AwsErrorKind.Terminal, error.Kind);
        Assert.Equal(400, error.HttpStatusCode);
        Assert.Equal("req-77", error.RequestId);
        Assert.Contains("Invalid revision number", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Retries_stop_at_the_maximum_and_surface_the_last_error()
    {
        await using var server = await LoopbackAwsServer.StartAsync((context, number) =>
            LoopbackAwsServer.WriteErrorAsync(context, 500, "ServerException", $"failure {number}", $"req-{number}"));
        var transport = TestTransports.Create(server.Endpoint, o => o.Retry.MaxAttempts = 4);

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => transport.PingAsync());

        Assert.Equal(4, server.Count);
        Assert.Equal("ServerException", error.ErrorCode);
        Assert.Contains("failure 4", error.Message, StringComparison.Ordinal);
        Assert.Equal("req-4", error.RequestId);
    }

    [Fact]
    public async Task A_hung_attempt_is_abandoned_and_retried()
    {
        await using var server = await LoopbackAwsServer.StartAsync(async (context, number) =>
        {
            if (number == 1)
            {
                await Task.Delay(Timeout.Infinite, context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
                return;
            }

            await Echo(context, number);
        });
        var transport = TestTransports.Create(server.Endpoint, o => o.Retry.AttemptTimeout = TimeSpan.FromMilliseconds(300));

        var response = await transport.PingAsync();

        // The hung first attempt was given up and the answer is the last attempt's. Usually that is the second; a loaded
        // machine may not get a new connection through within 300 ms, and then a third answers.
        Assert.True(server.Count >= 2, $"{server.Count} attempts");
        Assert.Equal($"answer {server.Count}", response.Echo);
    }

    [Fact]
    public async Task Total_budget_ends_the_call_with_the_last_error()
    {
        await using var server = await LoopbackAwsServer.StartAsync(async (context, number) =>
        {
            await Task.Delay(Timeout.Infinite, context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
        });
        var transport = TestTransports.Create(server.Endpoint, o =>
        {
            // Attempts long enough that a loaded machine (CI publishes Native AOT beside the tests) still reaches the
            // server in each: a 200 ms attempt sometimes timed out before Kestrel accepted the first connection.
            o.Retry.MaxAttempts = 100;
            o.Retry.AttemptTimeout = TimeSpan.FromSeconds(1);
            o.Retry.TotalTimeout = TimeSpan.FromSeconds(3.5);
        });
        var clock = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => transport.PingAsync());

        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(15));
        Assert.InRange(server.Count, 2, 5);
        Assert.Equal("RequestTimeout", error.ErrorCode);
        Assert.Equal(AwsErrorKind.Retryable, error.Kind);
        Assert.Contains("total budget", error.Message, StringComparison.Ordinal);
        Assert.Contains("no response within", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancellation_stops_a_waiting_call_promptly()
    {
        var waiting = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = await LoopbackAwsServer.StartAsync(async (context, _) =>
        {
            waiting.TrySetResult();
            await Task.Delay(Timeout.Infinite, context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
        });
        var transport = TestTransports.Create(server.Endpoint);
        using var cancellation = new CancellationTokenSource();
        var call = transport.PingUntilAsync(cancellation.Token);

        // Cancel once the call is waiting on the server: a fixed 200 ms timer sometimes fired before a loaded machine
        // had even accepted the connection (CI, session 12), and then nothing was waiting.
        await waiting.Task.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        var clock = Stopwatch.StartNew();
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(3), $"cancellation took {clock.Elapsed}");
        Assert.Equal(1, server.Count);
    }

    [Fact]
    public async Task Cancellation_during_backoff_stops_retrying()
    {
        var throttled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = await LoopbackAwsServer.StartAsync((context, _) =>
        {
            throttled.TrySetResult();
            return LoopbackAwsServer.WriteErrorAsync(context, 400, "ThrottlingException", "Rate exceeded");
        });
        var transport = TestTransports.Create(server.Endpoint, o =>
        {
            o.Retry.BaseDelay = TimeSpan.FromSeconds(20);
            o.Retry.MaxDelay = TimeSpan.FromSeconds(20);
        });
        using var cancellation = new CancellationTokenSource();
        var call = transport.PingUntilAsync(cancellation.Token);

        // Cancel once the first attempt has been answered (a fixed timer could fire before a loaded machine accepted
        // the connection): the call is then on its way into a 20 s backoff.
        await throttled.Task.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        await Task.Delay(100, TestContext.Current.CancellationToken);
        var clock = Stopwatch.StartNew();
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"cancellation took {clock.Elapsed}");
        Assert.Equal(1, server.Count);
    }

    [Fact]
    public async Task Error_code_comes_from_the_header_when_the_body_has_none()
    {
        await using var server = await LoopbackAwsServer.StartAsync((context, _) =>
        {
            context.Response.StatusCode = 400;
            context.Response.Headers["x-amzn-ErrorType"] = "AccessDeniedException:http://internal.amazon.com/coral/com.amazon.coral.service/";
            context.Response.Headers["x-amzn-RequestId"] = "req-h";
            return context.Response.WriteAsync("""{"Message":"User is not authorized to perform: ecs:Ping"}""");
        });
        var transport = TestTransports.Create(server.Endpoint);

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => transport.PingAsync());

        Assert.Equal("AccessDeniedException", error.ErrorCode);
        Assert.Equal(AwsErrorKind.Terminal, error.Kind);
        Assert.Equal("req-h", error.RequestId);
        Assert.Contains("not authorized", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, server.Count);
    }

    [Fact]
    public async Task A_success_body_that_is_not_the_response_shape_is_a_clear_error()
    {
        await using var server = await LoopbackAwsServer.StartAsync((context, _) =>
            LoopbackAwsServer.WriteJsonAsync(context, "<html>not json</html>"));
        var transport = TestTransports.Create(server.Endpoint);

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => transport.PingAsync());

        Assert.Equal("InvalidResponse", error.ErrorCode);
        Assert.Contains(nameof(PingResponse), error.Message, StringComparison.Ordinal);
    }
}
