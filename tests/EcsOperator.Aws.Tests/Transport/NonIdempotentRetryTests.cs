using EcsOperator.Aws.Transport;
using Microsoft.AspNetCore.Http;
using Xunit;

namespace EcsOperator.Aws.Tests.Transport;

/// <summary>
/// An operation that must not run twice (RegisterTaskDefinition registers a new revision per call) is retried by the
/// transport only when AWS certainly did nothing; a lost answer goes back to the caller, who looks before acting again.
/// </summary>
public sealed class NonIdempotentRetryTests
{
    private static readonly AwsOperation Register = TestTransports.Ping with { Name = "Register", Idempotent = false };

    private static Task Echo(HttpContext context, int number) =>
        LoopbackAwsServer.WriteJsonAsync(context, $$"""{"echo":"answer {{number}}"}""", $"req-{number}");

    [Fact]
    public async Task A_reset_after_the_request_was_sent_is_not_repeated()
    {
        await using var server = await LoopbackAwsServer.StartAsync((context, number) =>
        {
            if (number == 1)
            {
                context.Abort(); // the request arrived (and may have been carried out); its answer is lost
                return Task.CompletedTask;
            }

            return Echo(context, number);
        });
        var transport = TestTransports.Create(server.Endpoint);

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => transport.PingAsync(operation: Register));

        Assert.Equal(1, server.Count);
        Assert.Equal(AwsErrorKind.Retryable, error.Kind);
        Assert.True(error.OutcomeUnknown);
    }

    [Fact]
    public async Task A_server_error_is_not_repeated()
    {
        await using var server = await LoopbackAwsServer.StartAsync((context, number) => number == 1
            ? LoopbackAwsServer.WriteErrorAsync(context, 500, "ServerException", "internal error")
            : Echo(context, number));
        var transport = TestTransports.Create(server.Endpoint);

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => transport.PingAsync(operation: Register));

        Assert.Equal(1, server.Count);
        Assert.True(error.OutcomeUnknown);
    }

    [Fact]
    public async Task Throttling_proves_nothing_happened_and_is_retried()
    {
        await using var server = await LoopbackAwsServer.StartAsync((context, number) => number <= 2
            ? LoopbackAwsServer.WriteErrorAsync(context, 400, "ThrottlingException", "Rate exceeded")
            : Echo(context, number));
        var transport = TestTransports.Create(server.Endpoint);

        var response = await transport.PingAsync(operation: Register);

        Assert.Equal("answer 3", response.Echo);
        Assert.Equal(3, server.Count);
    }

    [Fact]
    public async Task An_idempotent_operation_is_still_retried_after_a_reset()
    {
        await using var server = await LoopbackAwsServer.StartAsync((context, number) =>
        {
            if (number == 1)
            {
                context.Abort();
                return Task.CompletedTask;
            }

            return Echo(context, number);
        });
        var transport = TestTransports.Create(server.Endpoint);

        var response = await transport.PingAsync();

        Assert.Equal("answer 2", response.Echo);
        Assert.Equal(2, server.Count);
    }
}
