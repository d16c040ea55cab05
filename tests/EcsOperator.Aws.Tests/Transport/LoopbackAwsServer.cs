using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace EcsOperator.Aws.Tests.Transport;

/// <summary>A request as the server saw it.</summary>
public sealed record ReceivedRequest(string Method, string Path, IReadOnlyDictionary<string, string> Headers, byte[] Body);

/// <summary>
/// Real Kestrel on 127.0.0.1 with a scripted handler: each request gets its 1-based number, so a test can answer
/// "throttle twice, then succeed" or reset the connection. Records every request.
/// </summary>
public sealed class LoopbackAwsServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<ReceivedRequest> _requests = new();
    private int _count;

    private LoopbackAwsServer(WebApplication app) => _app = app;

    /// <summary>Base URL, e.g. http://127.0.0.1:40123/.</summary>
    public Uri Endpoint { get; private set; } = null!;

    /// <summary>Requests received so far, in arrival order.</summary>
    public IReadOnlyList<ReceivedRequest> Requests => [.. _requests];

    /// <summary>Number of requests received (including ones whose connection the handler aborted).</summary>
    public int Count => Volatile.Read(ref _count);

    public static async Task<LoopbackAwsServer> StartAsync(Func<HttpContext, int, Task> handler)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(System.Net.IPAddress.Loopback, 0));
        var app = builder.Build();
        var server = new LoopbackAwsServer(app);
        app.Run(async context =>
        {
            var number = Interlocked.Increment(ref server._count);
            using var buffer = new MemoryStream();
            await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
            server._requests.Enqueue(new ReceivedRequest(
                context.Request.Method,
                context.Request.Path + context.Request.QueryString,
                context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
                buffer.ToArray()));
            await handler(context, number);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        server.Endpoint = new Uri(address.EndsWith('/') ? address : address + "/");
        return server;
    }

    /// <summary>Writes an AWS JSON error the way ECS does.</summary>
    public static Task WriteErrorAsync(HttpContext context, int status, string type, string message, string requestId = "req-error")
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/x-amz-json-1.1";
        context.Response.Headers["x-amzn-RequestId"] = requestId;
        return context.Response.WriteAsync(
            System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, string> { ["__type"] = type, ["message"] = message }));
    }

    /// <summary>Writes a successful AWS JSON response.</summary>
    public static Task WriteJsonAsync(HttpContext context, string json, string requestId = "req-ok")
    {
        context.Response.StatusCode = 200;
        context.Response.ContentType = "application/x-amz-json-1.1";
        context.Response.Headers["x-amzn-RequestId"] = requestId;
        return context.Response.WriteAsync(json);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
