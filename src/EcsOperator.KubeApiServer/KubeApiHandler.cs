using System.Buffers;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Unicode;
using Microsoft.AspNetCore.Http;

namespace EcsOperator.KubeApiServer;

/// <summary>Routes HTTP requests the way kube-apiserver lays out its API, and writes kube's responses.</summary>
internal sealed class KubeApiHandler
{
    private static readonly string[] PatchTypes = ["application/json-patch+json", "application/merge-patch+json", "application/apply-patch+yaml"];
    private static readonly string[] BodyTypes = ["application/json", "application/yaml", "application/vnd.kubernetes.protobuf"];

    private readonly KubeApiTestServer _server;
    private readonly ObjectStore _store;
    private readonly ResourceRegistry _registry;
    private readonly KubeApiTestServerOptions _options;

    public KubeApiHandler(KubeApiTestServer server, ObjectStore store, ResourceRegistry registry, KubeApiTestServerOptions options)
    {
        _server = server;
        _store = store;
        _registry = registry;
        _options = options;
    }

    public async Task HandleAsync(HttpContext context)
    {
        try
        {
            await HandleCoreAsync(context);
        }
        catch (KubeApiException e)
        {
            await WriteErrorAsync(context, e);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away.
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await WriteErrorAsync(context, KubeErrors.InternalError(e.Message));
        }
    }

    private static async Task WriteErrorAsync(HttpContext context, KubeApiException e)
    {
        if (context.Response.HasStarted)
        {
            return;
        }

        if (e.RetryAfter is { } retry)
        {
            context.Response.Headers.RetryAfter = ((int)Math.Ceiling(retry.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        }

        await WriteJsonAsync(context, e.Code, e.ToStatus());
    }

    private static Task WriteJsonAsync(HttpContext context, int code, JsonNode body) =>
        WriteJsonAsync(context, code, Encoding.UTF8.GetBytes(body.ToJsonString()));

    private static async Task WriteJsonAsync(HttpContext context, int code, byte[] json)
    {
        context.Response.StatusCode = code;
        context.Response.ContentType = "application/json";
        context.Response.ContentLength = json.Length;
        await context.Response.Body.WriteAsync(json, context.RequestAborted);
    }

    private async Task HandleCoreAsync(HttpContext context)
    {
        var request = context.Request;
        var path = request.Path.Value ?? "/";
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var isHealth = segments is ["healthz" or "livez" or "readyz", ..];
        if (!isHealth && _server.Unavailable)
        {
            context.Abort();
            return;
        }

        ObjectStore.Actor = request.Headers.UserAgent.ToString() is { Length: > 0 } agent ? agent : null;
        if (!isHealth && !_server.IsAuthenticated(context))
        {
            throw KubeErrors.Unauthorized();
        }

        var info = Parse(request.Method, path, segments, request.Query);
        await _server.BeforeRequestAsync(info, context.RequestAborted);
        if (await _server.AccessReviews.TryHandleAsync(context, info))
        {
            return;
        }

        if (!info.IsResourceRequest)
        {
            await HandleNonResourceAsync(context, segments);
            return;
        }

        var type = _registry.Find(info.Group!, info.Version!, info.Resource!) ?? throw KubeErrors.ResourceNotFound(path);
        if ((type.Namespaced ? info.Name is not null && info.Namespace is null : info.Namespace is not null)
            || (info.Subresource is not null && !(info.Subresource == "status" && type.HasStatus)))
        {
            throw KubeErrors.ResourceNotFound(path);
        }

        if (type.Namespaced && info.Namespace is null && info.Verb is not ("list" or "watch"))
        {
            // The all-namespaces path of a namespaced resource only serves list and watch.
            throw new KubeApiException(405, "MethodNotAllowed", "the server does not allow this method on the requested resource", new JsonObject());
        }

        var status = info.Subresource == "status";
        var query = request.Query;
        var dryRun = DryRun(query);
        var write = new WriteOptions { DryRun = dryRun, FieldValidation = ParseFieldValidation(query["fieldValidation"]) };
        switch (info.Verb)
        {
            case "get" when Tables.Wanted(request):
                await WriteJsonAsync(context, 200, Tables.From(type, _store.Get(type, info.Namespace, info.Name!), NullIfEmpty(query["includeObject"]), _options.TimeProvider.GetUtcNow()));
                break;
            case "get":
                await WriteJsonAsync(context, 200, _store.GetJson(type, info.Namespace, info.Name!));
                break;
            case "list":
                if (!string.IsNullOrEmpty(query["continue"]) && !string.IsNullOrEmpty(query["resourceVersion"]) && query["resourceVersion"] != "0")
                {
                    throw KubeErrors.BadRequest("specifying resource version is not allowed when using continue");
                }

                var list = _store.List(type, info.Namespace, LabelSelector.Parse(query["labelSelector"]),
                    FieldSelector.Parse(query["fieldSelector"], type), Int(query, "limit"), NullIfEmpty(query["continue"]),
                    NullIfEmpty(query["resourceVersion"]), NullIfEmpty(query["resourceVersionMatch"]));
                await WriteJsonAsync(context, 200, Tables.Wanted(request) ? Tables.From(type, list, NullIfEmpty(query["includeObject"]), _options.TimeProvider.GetUtcNow()) : list);
                break;
            case "watch":
                await WatchAsync(context, type, info, query);
                break;
            case "create":
                var created = _store.Create(type, info.Namespace, await ReadObjectAsync(context), write);
                AddWarnings(context, write);
                await WriteJsonAsync(context, 201, created);
                break;
            case "update":
                var updated = _store.Update(type, info.Namespace, info.Name!, await ReadObjectAsync(context), status, write);
                AddWarnings(context, write);
                await WriteJsonAsync(context, 200, updated);
                break;
            case "patch":
                var patched = await PatchAsync(context, type, info, status, write);
                AddWarnings(context, write);
                await WriteJsonAsync(context, 200, patched);
                break;
            case "delete":
                if (status)
                {
                    throw new KubeApiException(405, "MethodNotAllowed", "the server does not allow this method on the requested resource", new JsonObject());
                }

                await WriteJsonAsync(context, 200, _store.Delete(type, info.Namespace, info.Name!, await ReadDeleteOptionsAsync(context), dryRun));
                break;
            case "deletecollection":
                await WriteJsonAsync(context, 200, _store.DeleteCollection(type, info.Namespace, LabelSelector.Parse(query["labelSelector"]),
                    FieldSelector.Parse(query["fieldSelector"], type), await ReadDeleteOptionsAsync(context)));
                break;
            default:
                throw new KubeApiException(405, "MethodNotAllowed", "the server does not allow this method on the requested resource", new JsonObject());
        }
    }

    private static FieldValidation ParseFieldValidation(string? text) => text switch
    {
        null or "" or "Warn" => FieldValidation.Warn,
        "Ignore" => FieldValidation.Ignore,
        "Strict" => FieldValidation.Strict,
        _ => throw KubeErrors.BadRequest($"fieldValidation: Unsupported value: \"{text}\": supported values: \"Ignore\", \"Strict\", \"Warn\""),
    };

    private static void AddWarnings(HttpContext context, WriteOptions write)
    {
        foreach (var warning in write.Warnings)
        {
            // RFC 7234 warning header as kube writes it: code 299, agent "-", quoted text.
            context.Response.Headers.Append("Warning", "299 - \"" + warning.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"");
        }
    }

    private static string? NullIfEmpty(string? s) => string.IsNullOrEmpty(s) ? null : s;

    private static int? Int(IQueryCollection query, string name)
    {
        var text = query[name].ToString();
        if (text.Length == 0)
        {
            return null;
        }

        return int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw KubeErrors.BadRequest($"invalid value for {name}: \"{text}\"");
    }

    private static bool Bool(string? text) => text is "1" or "t" or "T" or "true" or "TRUE" or "True";

    private static bool DryRun(IQueryCollection query)
    {
        var values = query["dryRun"];
        foreach (var value in values)
        {
            if (value != "All")
            {
                throw KubeErrors.BadRequest($"Invalid dryRun value: \"{value}\": supported values: \"All\"");
            }
        }

        return values.Count > 0;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static KubeRequest Parse(string method, string path, string[] segments, IQueryCollection query)
    {
        var verbOf = method.ToLowerInvariant();
        string group, version;
        string[] rest;
        if (segments.Length >= 2 && segments[0] == "api" && segments[1] == "v1" && segments.Length > 2)
        {
            (group, version, rest) = ("", "v1", segments[2..]);
        }
        else if (segments.Length > 3 && segments[0] == "apis")
        {
            (group, version, rest) = (segments[1], segments[2], segments[3..]);
        }
        else
        {
            return new KubeRequest(method, path, verbOf, null, null, null, null, null, null);
        }

        var watchPrefix = false;
        if (rest[0] == "watch")
        {
            watchPrefix = true;
            rest = rest[1..];
        }

        string? ns = null, resource, name = null, sub = null;
        if (rest.Length == 0)
        {
            throw KubeErrors.ResourceNotFound(path);
        }

        if (rest[0] == "namespaces" && (rest.Length <= 2 || (group.Length == 0 && rest.Length == 3 && rest[2] is "status" or "finalize")))
        {
            resource = "namespaces";
            name = rest.Length > 1 ? rest[1] : null;
            sub = rest.Length > 2 ? rest[2] : null;
        }
        else if (rest[0] == "namespaces")
        {
            if (rest.Length > 5)
            {
                throw KubeErrors.ResourceNotFound(path);
            }

            ns = rest[1];
            resource = rest[2];
            name = rest.Length > 3 ? rest[3] : null;
            sub = rest.Length > 4 ? rest[4] : null;
        }
        else
        {
            if (rest.Length > 3)
            {
                throw KubeErrors.ResourceNotFound(path);
            }

            resource = rest[0];
            name = rest.Length > 1 ? rest[1] : null;
            sub = rest.Length > 2 ? rest[2] : null;
        }

        var verb = method switch
        {
            "GET" when watchPrefix || Bool(query["watch"]) => "watch",
            "GET" => name is null ? "list" : "get",
            "POST" when name is null => "create",
            "PUT" when name is not null => "update",
            "PATCH" when name is not null => "patch",
            "DELETE" => name is null ? "deletecollection" : "delete",
            _ => "unsupported",
        };
        return new KubeRequest(method, path, verb, group, version, resource, sub, ns, name);
    }

    private async Task<JsonNode?> ReadBodyAsync(HttpContext context)
    {
        // A body of known length is read into a pooled array (parsing copies what it keeps): no zeroed array per request.
        var length = context.Request.ContentLength;
        var rented = length is > 0 and <= 1 << 20 ? ArrayPool<byte>.Shared.Rent((int)length) : null;
        try
        {
            return await ParseBodyAsync(context, rented is null ? await ReadToEndAsync(context) : await ReadIntoAsync(context, rented));
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    /// <summary>The body of unknown (or very large) length.</summary>
    private static async Task<ReadOnlyMemory<byte>> ReadToEndAsync(HttpContext context)
    {
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body, context.RequestAborted);
        return body.GetBuffer().AsMemory(0, (int)body.Length);
    }

    /// <summary>The body into <paramref name="buffer"/> (at least its Content-Length long); Kestrel ends the stream at that length.</summary>
    private static async Task<ReadOnlyMemory<byte>> ReadIntoAsync(HttpContext context, byte[] buffer)
    {
        var read = 0;
        int n;
        while (read < buffer.Length && (n = await context.Request.Body.ReadAsync(buffer.AsMemory(read), context.RequestAborted)) > 0)
        {
            read += n;
        }

        return buffer.AsMemory(0, read);
    }

    private async Task<JsonNode?> ParseBodyAsync(HttpContext context, ReadOnlyMemory<byte> bytes)
    {
        var mediaType = (context.Request.ContentType ?? "application/json").Split(';')[0].Trim().ToLowerInvariant();
        try
        {
            if (mediaType != "application/yaml" && Utf8.IsValid(bytes.Span) && !StartsWithByteOrderMark(bytes.Span))
            {
                // The common case parses the bytes as they came: the same JSON the text below would be transcoded back to.
                return bytes.Length == 0 ? null : JsonNode.Parse(bytes.Span);
            }

            // Byte order marks and invalid UTF-8 are decoded as a StreamReader does (invalid sequences become U+FFFD).
            using var reader = new StreamReader(new MemoryStream(bytes.ToArray()), Encoding.UTF8);
            var text = await reader.ReadToEndAsync(context.RequestAborted);
            return mediaType switch
            {
                "application/yaml" => YamlToJson.ParseDocuments(text).FirstOrDefault(),
                _ => text.Length == 0 ? null : JsonNode.Parse(text),
            };
        }
        catch (Exception e) when (e is JsonException or YamlDotNet.Core.YamlException)
        {
            throw KubeErrors.BadRequest($"json parse error: {e.Message}");
        }
    }

    private static bool StartsWithByteOrderMark(ReadOnlySpan<byte> bytes) =>
        bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) || bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]) || bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]);

    private async Task<JsonObject> ReadObjectAsync(HttpContext context)
    {
        var mediaType = (context.Request.ContentType ?? "application/json").Split(';')[0].Trim().ToLowerInvariant();
        if (mediaType is not ("application/json" or "application/yaml" or ""))
        {
            throw KubeErrors.UnsupportedMediaType(mediaType, BodyTypes);
        }

        return await ReadBodyAsync(context) as JsonObject
            ?? throw KubeErrors.BadRequest("Object 'Kind' is missing in the request body: the body must be a JSON object");
    }

    private async Task<DeleteOptions> ReadDeleteOptionsAsync(HttpContext context)
    {
        var query = context.Request.Query;
        var body = context.Request.ContentLength is > 0 || context.Request.Headers.TransferEncoding.Count > 0
            ? await ReadBodyAsync(context) as JsonObject
            : null;
        var preconditions = body?["preconditions"] as JsonObject;
        return new DeleteOptions(
            (string?)preconditions?["uid"],
            (string?)preconditions?["resourceVersion"],
            (string?)body?["propagationPolicy"] ?? NullIfEmpty(query["propagationPolicy"]));
    }

    private async Task<byte[]> PatchAsync(HttpContext context, ServedResource type, KubeRequest info, bool status, WriteOptions write)
    {
        var mediaType = (context.Request.ContentType ?? string.Empty).Split(';')[0].Trim().ToLowerInvariant();
        Func<JsonObject, JsonNode?> apply;
        switch (mediaType)
        {
            case "application/merge-patch+json":
            {
                var patch = await ReadBodyAsync(context);
                if (patch is not JsonObject)
                {
                    throw KubeErrors.BadRequest("json: cannot unmarshal into Go value of type map[string]interface {}: a merge patch must be a JSON object");
                }

                apply = current => JsonMergePatch.Apply(current, patch);
                break;
            }

            case "application/json-patch+json":
            {
                var patch = await ReadBodyAsync(context);
                apply = current =>
                {
                    try
                    {
                        return JsonPatch.Apply(current, patch);
                    }
                    catch (JsonPatch.PatchFormatException e)
                    {
                        throw KubeErrors.BadRequest(e.Message);
                    }
                    catch (JsonPatch.PatchApplyException e)
                    {
                        throw new KubeApiException(422, "Invalid", "the server rejected our request due to an error in our request",
                            new JsonObject { ["causes"] = new JsonArray(new JsonObject { ["message"] = e.Message }) });
                    }
                };
                break;
            }

            default:
                throw KubeErrors.UnsupportedMediaType(mediaType, PatchTypes);
        }

        return _store.Patch(type, info.Namespace, info.Name!, apply, status, write);
    }

    private async Task WatchAsync(HttpContext context, ServedResource type, KubeRequest info, IQueryCollection query)
    {
        var fields = FieldSelector.Parse(info.Name is null ? query["fieldSelector"].ToString() : $"metadata.name={info.Name}", type);
        var labels = LabelSelector.Parse(query["labelSelector"]);
        var timeout = Int(query, "timeoutSeconds") is { } seconds && seconds > 0 ? TimeSpan.FromSeconds(seconds) : _options.DefaultWatchTimeout;
        var sendInitialEvents = Bool(query["sendInitialEvents"]);
        if (sendInitialEvents && query["resourceVersionMatch"] != "NotOlderThan")
        {
            throw KubeErrors.Invalid("", "ListOptions", "", [new FieldError(FieldErrorType.Forbidden, "resourceVersionMatch", null,
                "sendInitialEvents requires setting resourceVersionMatch to NotOlderThan")]);
        }

        var watcher = _store.Watch(type, info.Namespace, labels, fields, NullIfEmpty(query["resourceVersion"]),
            Bool(query["allowWatchBookmarks"]), sendInitialEvents);
        try
        {
            context.Response.StatusCode = 200;
            context.Response.ContentType = "application/json";
            await context.Response.StartAsync(context.RequestAborted);
            await context.Response.Body.FlushAsync(context.RequestAborted);
            using var cts = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, watcher.Aborted, _server.Stopping);
            cts.CancelAfter(timeout);
            try
            {
                var table = Tables.Wanted(context.Request);
                var includeObject = NullIfEmpty(query["includeObject"]);
                var body = context.Response.BodyWriter;
                while (await watcher.Lines.WaitToReadAsync(cts.Token))
                {
                    // Every event queued by now goes out in one flush (one send), not one send per event.
                    while (watcher.Lines.TryRead(out var line))
                    {
                        if (table)
                        {
                            body.Write(Encoding.UTF8.GetBytes(Tables.WatchLine(type, Encoding.UTF8.GetString(line.ToArray()), includeObject, _options.TimeProvider.GetUtcNow())));
                        }
                        else
                        {
                            line.WriteTo(body);
                        }

                        body.Write("\n"u8);
                    }

                    await body.FlushAsync(cts.Token);
                }
            }
            catch (OperationCanceledException) when (cts.IsCancellationRequested)
            {
                // Timeout, drop, shutdown or client gone: the stream ends here.
            }

            if (watcher.Aborted.IsCancellationRequested)
            {
                context.Abort();
            }
        }
        finally
        {
            _store.Unregister(watcher);
        }
    }

    private async Task HandleNonResourceAsync(HttpContext context, string[] segments)
    {
        var host = context.Request.Host.ToString();
        switch (segments)
        {
            case [] when context.Request.Method == "GET":
                await WriteJsonAsync(context, 200, new JsonObject
                {
                    ["paths"] = new JsonArray(new[] { "/api", "/api/v1", "/apis", "/healthz", "/livez", "/readyz", "/version" }
                        .Concat(_registry.All.Where(t => t.Group.Length > 0).Select(t => $"/apis/{t.Group}/{t.Version}").Distinct())
                        .Select(p => (JsonNode?)p).ToArray()),
                });
                break;
            case ["healthz" or "livez" or "readyz", ..]:
                context.Response.StatusCode = 200;
                context.Response.ContentType = "text/plain; charset=utf-8";
                await context.Response.WriteAsync("ok", context.RequestAborted);
                break;
            case ["openapi", "v3"]:
                await WriteJsonAsync(context, 200, OpenApiDocuments.Root(_registry));
                break;
            case ["openapi", "v3", "api", var version] when OpenApiDocuments.GroupVersion(_registry, "", version, _options.KubernetesVersion) is { } core:
                await WriteJsonAsync(context, 200, core);
                break;
            case ["openapi", "v3", "apis", var group, var version] when OpenApiDocuments.GroupVersion(_registry, group, version, _options.KubernetesVersion) is { } doc:
                await WriteJsonAsync(context, 200, doc);
                break;
            case ["version"]:
                await WriteJsonAsync(context, 200, Discovery.Version(_options.KubernetesVersion));
                break;
            case ["api"]:
                await WriteJsonAsync(context, 200, Discovery.ApiVersions(host));
                break;
            case ["api", "v1"]:
                await WriteJsonAsync(context, 200, Discovery.ResourceList(_registry, "", "v1"));
                break;
            case ["apis"]:
                await WriteJsonAsync(context, 200, Discovery.GroupList(_registry));
                break;
            case ["apis", var group] when Discovery.Group(_registry, group) is { } g:
                await WriteJsonAsync(context, 200, g);
                break;
            case ["apis", var group, var version] when _registry.All.Any(t => t.Group == group && t.Version == version):
                await WriteJsonAsync(context, 200, Discovery.ResourceList(_registry, group, version));
                break;
            default:
                throw new KubeApiException(404, "NotFound", "the server could not find the requested resource", new JsonObject());
        }
    }
}
