using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace EcsOperator.Chaos.Tests;

/// <summary>
/// A loopback HTTP proxy between the operator processes and the ECS simulator that injects the AWS faults of the
/// current <see cref="AwsFaultWindow"/>s (throttling, 5xx, latency, a connection reset after the simulator did the
/// work) and records every call, so the invariants can count what really happened in AWS.
/// </summary>
public sealed class AwsFaultProxy : IAsyncDisposable
{
    private static readonly string[] ForwardedHeaders = ["X-Amz-Target", "Authorization", "X-Amz-Date", "X-Amz-Security-Token", "amz-sdk-invocation-id"];
    private readonly WebApplication _app;
    private readonly HttpClient _upstream;
    private readonly Random _random;
    private readonly Lock _randomLock = new();
    private readonly ConcurrentQueue<AwsCall> _calls = new();
    private readonly ConcurrentDictionary<FaultKind, int> _injected = new();
    private readonly IReadOnlySet<string> _noResetOperations;
    private volatile AwsFaultWindow[] _windows = [];

    private AwsFaultProxy(WebApplication app, Uri upstream, int seed, IReadOnlySet<string> noResetOperations)
    {
        _noResetOperations = noResetOperations;
        _app = app;
        _upstream = new HttpClient { BaseAddress = upstream, Timeout = TimeSpan.FromSeconds(30) };
        _random = new Random(seed);
    }

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>Every call so far, in arrival order.</summary>
    public IReadOnlyList<AwsCall> Calls => [.. _calls];

    /// <summary>Faults injected so far, per kind.</summary>
    public IReadOnlyDictionary<FaultKind, int> Injected => new Dictionary<FaultKind, int>(_injected);

    public static async Task<AwsFaultProxy> StartAsync(Uri upstream, int seed, IReadOnlySet<string> noResetOperations, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var proxy = new AwsFaultProxy(app, upstream, seed, noResetOperations);
        app.Run(proxy.HandleAsync);
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        proxy.BaseAddress = new Uri(address.TrimEnd('/') + "/");
        return proxy;
    }

    /// <summary>Opens a fault window until the returned handle is disposed.</summary>
    public IDisposable Open(AwsFaultWindow window)
    {
        lock (_randomLock)
            _windows = [.. _windows, window];
        return new Closer(this, window);
    }

    /// <summary>Closes every window.</summary>
    public void CloseAll()
    {
        lock (_randomLock)
            _windows = [];
    }

    private void Close(AwsFaultWindow window)
    {
        lock (_randomLock)
            _windows = [.. _windows.Where(w => !ReferenceEquals(w, window))];
    }

    private AwsFaultWindow? Pick(string operation)
    {
        lock (_randomLock)
        {
            foreach (var window in _windows)
            {
                if (window.Kind == FaultKind.AwsConnectionReset && _noResetOperations.Contains(operation))
                    continue;
                if (window.Matches(operation) && _random.NextDouble() < window.Probability)
                    return window;
            }
        }

        return null;
    }

    private async Task HandleAsync(HttpContext context)
    {
        var target = context.Request.Headers["X-Amz-Target"].ToString();
        var operation = target[(target.LastIndexOf('.') + 1)..];
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
        var body = buffer.ToArray();
        var request = SafeParse(body) ?? [];
        var at = DateTimeOffset.UtcNow;
        var fault = Pick(operation);
        switch (fault?.Kind)
        {
            case FaultKind.AwsThrottle:
                Count(FaultKind.AwsThrottle);
                _calls.Enqueue(new AwsCall(at, operation, request, null, false));
                await ErrorAsync(context, HttpStatusCode.BadRequest, "ThrottlingException", "Rate exceeded");
                return;
            case FaultKind.AwsServerError:
                Count(FaultKind.AwsServerError);
                _calls.Enqueue(new AwsCall(at, operation, request, null, false));
                var unavailable = (operation.Length & 1) == 0;
                await ErrorAsync(context, unavailable ? HttpStatusCode.ServiceUnavailable : HttpStatusCode.InternalServerError,
                    unavailable ? "ServiceUnavailableException" : "ServerException", "Service unavailable, try again");
                return;
            case FaultKind.AwsLatency:
                Count(FaultKind.AwsLatency);
                await Task.Delay(fault.Latency, context.RequestAborted);
                break;
        }

        using var forward = new HttpRequestMessage(HttpMethod.Post, "/") { Content = new ByteArrayContent(body) };
        forward.Content.Headers.TryAddWithoutValidation("Content-Type", context.Request.ContentType ?? "application/x-amz-json-1.1");
        foreach (var name in ForwardedHeaders)
        {
            if (context.Request.Headers.TryGetValue(name, out var value))
                forward.Headers.TryAddWithoutValidation(name, value.ToString());
        }

        using var answer = await _upstream.SendAsync(forward, context.RequestAborted);
        var answerBody = await answer.Content.ReadAsByteArrayAsync(context.RequestAborted);
        _calls.Enqueue(new AwsCall(at, operation, request, SafeParse(answerBody), answer.StatusCode == HttpStatusCode.OK));
        context.Response.StatusCode = (int)answer.StatusCode;
        context.Response.ContentType = answer.Content.Headers.ContentType?.ToString() ?? "application/x-amz-json-1.1";
        foreach (var header in answer.Headers.Where(h => h.Key.StartsWith("x-amzn", StringComparison.OrdinalIgnoreCase)))
            context.Response.Headers[header.Key] = header.Value.ToArray();
        context.Response.ContentLength = answerBody.Length;
        if (fault?.Kind == FaultKind.AwsConnectionReset && answerBody.Length > 1)
        {
            // The work is done in AWS; the caller only gets half the answer, then a reset.
            Count(FaultKind.AwsConnectionReset);
            await context.Response.Body.WriteAsync(answerBody.AsMemory(0, answerBody.Length / 2), context.RequestAborted);
            await context.Response.Body.FlushAsync(context.RequestAborted);
            context.Abort();
            return;
        }

        await context.Response.Body.WriteAsync(answerBody, context.RequestAborted);
    }

    private void Count(FaultKind kind) => _injected.AddOrUpdate(kind, 1, (_, n) => n + 1);

    private static async Task ErrorAsync(HttpContext context, HttpStatusCode code, string type, string message)
    {
        context.Response.StatusCode = (int)code;
        context.Response.ContentType = "application/x-amz-json-1.1";
        context.Response.Headers["x-amzn-ErrorType"] = type;
        context.Response.Headers["x-amzn-RequestId"] = Guid.NewGuid().ToString();
        var json = new JsonObject { ["__type"] = type, ["message"] = message, ["Message"] = message };
        await context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(json.ToJsonString()), context.RequestAborted);
    }

    private static JsonObject? SafeParse(byte[] body)
    {
        try
        {
            return body.Length == 0 ? null : JsonNode.Parse(body) as JsonObject;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
        _upstream.Dispose();
    }

    private sealed class Closer(AwsFaultProxy proxy, AwsFaultWindow window) : IDisposable
    {
        public void Dispose() => proxy.Close(window);
    }
}
