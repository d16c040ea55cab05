using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using EcsOperator.Simulator.AutoScaling;
using EcsOperator.Simulator.Controls;
using EcsOperator.Simulator.Ecs;
using Microsoft.AspNetCore.Http;

namespace EcsOperator.Simulator.Protocol;

/// <summary>
/// The AWS JSON 1.1 front door: <c>POST /</c> with <c>X-Amz-Target: Prefix.Operation</c>. Checks that a SigV4
/// Authorization header is present (signatures are not verified), applies injected faults, runs the operation
/// under the state lock and writes AWS-shaped errors.
/// </summary>
internal sealed class AwsJsonEndpoint(SimulatorState state, EcsApi ecs, AutoScalingApi autoScaling, FaultInjector faults, CallCounter calls)
{
    private const string ContentType = "application/x-amz-json-1.1";

    public async Task HandleAsync(HttpContext context)
    {
        var requestId = Guid.NewGuid().ToString();
        context.Response.Headers["x-amzn-RequestId"] = requestId;
        var cancel = context.RequestAborted;

        // Error members follow each service's model: ECS exceptions carry "message", Application Auto Scaling "Message".
        var messageMember = context.Request.Headers["X-Amz-Target"].ToString().StartsWith(AutoScalingApi.TargetPrefix + ".", StringComparison.Ordinal)
            ? "Message"
            : "message";
        JsonObject response;
        try
        {
            response = await InvokeAsync(context, cancel);
        }
        catch (AwsErrorException error)
        {
            await WriteErrorAsync(context, error.Status, error.Code, error.Message, messageMember, cancel);
            return;
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            return;
        }
#pragma warning disable CA1031 // The simulator must answer like AWS (a 500) rather than drop the connection.
        catch (Exception unexpected)
#pragma warning restore CA1031
        {
            await WriteErrorAsync(context, HttpStatusCode.InternalServerError, "ServerException", "Simulator error: " + unexpected.Message, messageMember, cancel);
            return;
        }

        context.Response.StatusCode = 200;
        context.Response.ContentType = ContentType;
        await context.Response.WriteAsync(response.ToJsonString(), cancel);
    }

    private async Task<JsonObject> InvokeAsync(HttpContext context, CancellationToken cancel)
    {
        if (!HttpMethods.IsPost(context.Request.Method) || context.Request.Path != "/")
        {
            throw new AwsErrorException("UnknownOperationException", "Only POST / is supported.", HttpStatusCode.NotFound);
        }

        var authorization = context.Request.Headers.Authorization.ToString();
        if (string.IsNullOrEmpty(authorization))
        {
            throw new AwsErrorException("MissingAuthenticationTokenException", "Missing Authentication Token");
        }

        if (!authorization.StartsWith("AWS4-HMAC-SHA256 ", StringComparison.Ordinal)
            || !authorization.Contains("Credential=", StringComparison.Ordinal)
            || !authorization.Contains("Signature=", StringComparison.Ordinal))
        {
            throw new AwsErrorException("IncompleteSignatureException", "Authorization header requires 'Credential', 'Signature' and 'SignedHeaders' parameters.");
        }

        var target = context.Request.Headers["X-Amz-Target"].ToString();
        var dot = target.LastIndexOf('.');
        if (dot < 0)
        {
            throw new AwsErrorException("UnknownOperationException", "Missing or malformed X-Amz-Target header.");
        }

        var prefix = target[..dot];
        var operation = target[(dot + 1)..];
        (Func<JsonObject, JsonObject>? handler, string service) = prefix switch
        {
            EcsApi.TargetPrefix when ecs.TryGet(operation, out var h) => (h, CallCounter.Ecs),
            AutoScalingApi.TargetPrefix when autoScaling.TryGet(operation, out var h) => (h, CallCounter.AutoScaling),
            _ => (null, ""),
        };
        if (handler is null)
        {
            throw new AwsErrorException("UnknownOperationException", $"Operation {target} is not supported by the simulator.");
        }

        calls.Record(service, operation);
        var delay = faults.LatencyFor(operation);
        if (delay > TimeSpan.Zero)
        {
            await Task.Delay(delay, cancel);
        }

        if (faults.Check(operation) is { } injected)
        {
            throw injected;
        }

        var request = await ReadBodyAsync(context, cancel);
        calls.Observe(service, operation, request);
        lock (state.Gate)
        {
            return handler(request);
        }
    }

    private static async Task<JsonObject> ReadBodyAsync(HttpContext context, CancellationToken cancel)
    {
        using var reader = new StreamReader(context.Request.Body);
        var text = await reader.ReadToEndAsync(cancel);
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        try
        {
            return JsonNode.Parse(text) as JsonObject
                ?? throw new AwsErrorException("SerializationException", "The request body must be a JSON object.");
        }
        catch (JsonException error)
        {
            throw new AwsErrorException("SerializationException", "Malformed JSON: " + error.Message);
        }
    }

    private static async Task WriteErrorAsync(HttpContext context, HttpStatusCode status, string code, string message, string messageMember, CancellationToken cancel)
    {
        context.Response.StatusCode = (int)status;
        context.Response.ContentType = ContentType;
        context.Response.Headers["x-amzn-ErrorType"] = code;
        var body = new JsonObject { ["__type"] = code, [messageMember] = message };
        await context.Response.WriteAsync(body.ToJsonString(), cancel);
    }
}
