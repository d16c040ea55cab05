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
/// A loopback pass-through in front of moto that fills two of its gaps; every other request, byte for byte, goes to
/// moto and back. Application Auto Scaling: it answers the two operations moto does not implement (TagResource,
/// ListTagsForResource: HTTP 500 NotImplementedError) from its own table, filled by those calls and by the Tags of
/// RegisterScalableTarget; without it, the operator (which reads a target's owner tag before changing or removing it)
/// cannot change autoscaling against moto at all, so the tag calls' wire format is checked by this shim, not by moto.
/// ECS: moto's CreateService silently replaces a service of the same name, where ECS refuses with
/// InvalidParameterException "Creation of service was not idempotent." (an ACTIVE one) or "Unable to Start a service
/// that is still Draining."; the shim asks moto (DescribeServices) first and refuses as ECS does, because the operator
/// creates a service its status records nothing of without describing it first and relies on that refusal.
/// </summary>
internal sealed class MotoShim : IAsyncDisposable
{
    private const string TargetHeader = "X-Amz-Target";

    private readonly WebApplication _app;
    private readonly HttpClient _moto = new();
    private readonly Uri _motoEndpoint;
    private readonly ConcurrentDictionary<string, Dictionary<string, string>> _tags = new(StringComparer.Ordinal);

    private MotoShim(WebApplication app, Uri motoEndpoint)
    {
        _app = app;
        _motoEndpoint = motoEndpoint;
    }

    /// <summary>Base URL to use as the Application Auto Scaling and ECS endpoint.</summary>
    public Uri Endpoint { get; private set; } = null!;

    public static async Task<MotoShim> StartAsync(Uri motoEndpoint, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<IHostLifetime, NoSignals>();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var shim = new MotoShim(app, motoEndpoint);
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
        if (context.Request.Headers[TargetHeader].ToString().StartsWith("AmazonEC2ContainerService", StringComparison.Ordinal))
        {
            if (operation == "CreateService" && await ExistingServiceStatusAsync(context, body) is { } existing)
            {
                context.Response.StatusCode = (int)HttpStatusCode.BadRequest;
                await WriteJsonAsync(context, new JsonObject
                {
                    ["__type"] = "InvalidParameterException",
                    ["message"] = existing == "DRAINING" ? "Unable to Start a service that is still Draining." : "Creation of service was not idempotent.",
                });
                return;
            }

            await ForwardAsync(context, body, operation);
            return;
        }

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

        await ForwardAsync(context, body, operation);
    }

    /// <summary>The status (ACTIVE, DRAINING) of a live service of the name CreateService asks for, as moto describes it; null when none.</summary>
    private async Task<string?> ExistingServiceStatusAsync(HttpContext context, string body)
    {
        var request = JsonNode.Parse(body)!;
        var describe = new JsonObject { ["services"] = new JsonArray((string)request["serviceName"]!) };
        if (request["cluster"] is JsonValue cluster)
            describe["cluster"] = (string)cluster!;
        using var message = new HttpRequestMessage(HttpMethod.Post, _motoEndpoint) { Content = new StringContent(describe.ToJsonString()) };
        message.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/x-amz-json-1.1");
        message.Headers.TryAddWithoutValidation(TargetHeader, "AmazonEC2ContainerServiceV20141113.DescribeServices");
        // moto takes the account and region from the credential scope of the caller's signature (it does not verify it).
        message.Headers.TryAddWithoutValidation("Authorization", context.Request.Headers.Authorization.ToString());
        using var response = await _moto.SendAsync(message, context.RequestAborted);
        if (!response.IsSuccessStatusCode)
            return null; // e.g. no such cluster: moto's own CreateService answers that
        var services = JsonNode.Parse(await response.Content.ReadAsStringAsync(context.RequestAborted))?["services"]?.AsArray() ?? [];
        return services.Select(s => (string?)s?["status"]).FirstOrDefault(s => s is "ACTIVE" or "DRAINING");
    }

    private async Task ForwardAsync(HttpContext context, string body, string? operation)
    {
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
