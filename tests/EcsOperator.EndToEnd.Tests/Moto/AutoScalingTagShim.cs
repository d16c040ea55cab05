using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace EcsOperator.EndToEnd.Tests.Moto;

/// <summary>
/// A loopback pass-through in front of moto for Application Auto Scaling that answers the two operations moto does
/// not implement (TagResource, ListTagsForResource: HTTP 500 NotImplementedError) from its own table, filled by those
/// calls and by the Tags of RegisterScalableTarget. Every other request, byte for byte, goes to moto and back. Without
/// it, the operator (which reads a target's owner tag before changing or removing it) cannot change autoscaling
/// against moto at all. The tag calls' wire format is therefore checked by this shim, not by moto.
/// </summary>
internal sealed class AutoScalingTagShim : IAsyncDisposable
{
    private const string TargetHeader = "X-Amz-Target";

    private readonly WebApplication _app;
    private readonly HttpClient _moto = new();
    private readonly Uri _motoEndpoint;
    private readonly ConcurrentDictionary<string, Dictionary<string, string>> _tags = new(StringComparer.Ordinal);

    private AutoScalingTagShim(WebApplication app, Uri motoEndpoint)
    {
        _app = app;
        _motoEndpoint = motoEndpoint;
    }

    /// <summary>Base URL to use as the Application Auto Scaling endpoint.</summary>
    public Uri Endpoint { get; private set; } = null!;

    public static async Task<AutoScalingTagShim> StartAsync(Uri motoEndpoint, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<IHostLifetime, NoSignals>();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var shim = new AutoScalingTagShim(app, motoEndpoint);
        app.Run(shim.HandleAsync);
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        shim.Endpoint = new Uri(address.EndsWith('/') ? address : address + "/");
        return shim;
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        var operation = context.Request.Headers[TargetHeader].ToString().Split('.').LastOrDefault();
        switch (operation)
        {
            case "TagResource":
            {
                var request = JsonNode.Parse(body)!;
                var tags = _tags.GetOrAdd((string)request["ResourceARN"]!, _ => new Dictionary<string, string>(StringComparer.Ordinal));
                lock (tags)
                {
                    foreach (var (key, value) in request["Tags"]!.AsObject())
                        tags[key] = (string)value!;
                }

                await WriteJsonAsync(context, new JsonObject());
                return;
            }

            case "ListTagsForResource":
            {
                var resourceArn = (string)JsonNode.Parse(body)!["ResourceARN"]!;
                var tags = new JsonObject();
                if (_tags.TryGetValue(resourceArn, out var known))
                {
                    lock (known)
                    {
                        foreach (var (key, value) in known)
                            tags[key] = value;
                    }
                }

                await WriteJsonAsync(context, new JsonObject { ["Tags"] = tags });
                return;
            }
        }

        using var forward = new HttpRequestMessage(new HttpMethod(context.Request.Method), new Uri(_motoEndpoint, context.Request.Path.Value?.TrimStart('/') ?? ""))
        {
            Content = new StringContent(body),
        };
        forward.Content.Headers.Clear();
        foreach (var (name, values) in context.Request.Headers)
        {
            if (name.Equals("Host", StringComparison.OrdinalIgnoreCase) || name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
                continue;
            if (!forward.Headers.TryAddWithoutValidation(name, values.ToArray()))
                forward.Content.Headers.TryAddWithoutValidation(name, values.ToArray());
        }

        using var response = await _moto.SendAsync(forward, context.RequestAborted);
        var responseBody = await response.Content.ReadAsStringAsync(context.RequestAborted);
        if (operation == "RegisterScalableTarget" && response.IsSuccessStatusCode
            && JsonNode.Parse(body)?["Tags"] is JsonObject registeredTags
            && JsonNode.Parse(responseBody)?["ScalableTargetARN"] is JsonValue targetArn)
        {
            var tags = _tags.GetOrAdd((string)targetArn!, _ => new Dictionary<string, string>(StringComparer.Ordinal));
            lock (tags)
            {
                foreach (var (key, value) in registeredTags)
                    tags[key] = (string)value!;
            }
        }

        context.Response.StatusCode = (int)response.StatusCode;
        context.Response.ContentType = response.Content.Headers.ContentType?.ToString() ?? "application/x-amz-json-1.1";
        await context.Response.WriteAsync(responseBody, context.RequestAborted);
    }

    private static Task WriteJsonAsync(HttpContext context, JsonObject json)
    {
        context.Response.ContentType = "application/x-amz-json-1.1";
        return context.Response.WriteAsync(json.ToJsonString(), context.RequestAborted);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _moto.Dispose();
    }

    /// <summary>No Ctrl+C / SIGTERM handling: the test process owns those.</summary>
    private sealed class NoSignals : IHostLifetime
    {
        public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
