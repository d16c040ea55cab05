using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using EcsOperator.Kubernetes.Model;

namespace EcsOperator.Kubernetes.Rest;

/// <summary>The typed verbs of one resource over <see cref="KubernetesClient"/>.</summary>
internal sealed class ResourceClient<T>(KubernetesClient client, ResourceType type, JsonTypeInfo<T> typeInfo) : IResourceClient<T>
    where T : class, IKubernetesObject
{
    /// <summary>
    /// How deep the envelope of a list or watch event may nest. Parsing a JsonDocument is not recursive, so this can
    /// exceed what the API server stores; the typed decode of each item keeps the serializer's own depth limit and
    /// fails for that item alone, which is then skipped and reported instead of failing the whole page or stream.
    /// </summary>
    private static readonly JsonDocumentOptions EnvelopeOptions = new() { MaxDepth = int.MaxValue };

    /// <summary>The same for the reader that scans a page or a watch event without a document.</summary>
    private static readonly JsonReaderOptions EnvelopeReaderOptions = new() { MaxDepth = int.MaxValue };

    public ResourceType Type => type;

    public JsonTypeInfo<T> TypeInfo => typeInfo;

    public async Task<T> GetAsync(string? ns, string name, CancellationToken cancellationToken = default)
    {
        using var response = await client.SendAsync(HttpMethod.Get, type.PathFor(NsForObject(ns), name), null, null, "get", type, false, cancellationToken);
        return await ReadObjectAsync(response, cancellationToken);
    }

    public async Task<T?> TryGetAsync(string? ns, string name, CancellationToken cancellationToken = default)
    {
        try
        {
            return await GetAsync(ns, name, cancellationToken);
        }
        catch (NotFoundException)
        {
            return null;
        }
    }

    public async Task<ResourceList<T>> ListAsync(string? ns, ListOptions? options = null, CancellationToken cancellationToken = default)
    {
        var query = new Query();
        query.Add("labelSelector", options?.LabelSelector);
        query.Add("fieldSelector", options?.FieldSelector);
        query.Add("limit", options?.Limit?.ToString(CultureInfo.InvariantCulture));
        query.Add("continue", options?.Continue);
        query.Add("resourceVersion", options?.ResourceVersion);
        // The page (500 objects of a few KiB by default) is read into a pooled buffer and each item decoded from its
        // own bytes: no unpooled copy of the body on the large object heap, no document of the whole page. The
        // request's own timeout (per attempt, retries as before) covers the headers; the body gets one more.
        var path = type.PathFor(ns) + query;
        using var response = await client.SendAsync(HttpMethod.Get, path, null, null, "list", type, false, cancellationToken, bufferBody: false);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(client.RequestTimeout);
        try
        {
            await using var stream = await response.Content.ReadAsStreamAsync(timeout.Token);
            using var body = new Utf8StreamBuffer(stream, 64 * 1024);
            return ParseListPage((await body.ReadToEndAsync(timeout.Token)).Span);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ServerErrorException(KubernetesErrorReason.Timeout, 0, new Status { Reason = "Timeout" },
                $"list {path}: the body did not arrive within {client.RequestTimeout.TotalSeconds:0} s", e);
        }
    }

    /// <summary>A list page: its metadata, and every item that can be decoded (the others are skipped and reported).</summary>
    private ResourceList<T> ParseListPage(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json, EnvelopeReaderOptions);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException($"a {type.Kind} list is not a JSON object");
        }

        ListMeta? meta = null;
        var items = new List<T>();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("metadata"u8))
            {
                reader.Read();
                var start = (int)reader.TokenStartIndex;
                reader.Skip();
                meta = JsonSerializer.Deserialize(json[start..(int)reader.BytesConsumed], KubernetesModelJsonContext.Default.ListMeta);
            }
            else if (reader.ValueTextEquals("items"u8))
            {
                reader.Read();
                if (reader.TokenType != JsonTokenType.StartArray)
                {
                    reader.Skip();
                    continue;
                }

                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    var start = (int)reader.TokenStartIndex;
                    var typed = ScanItem(ref reader);
                    if (TryDeserializeItem(json[start..(int)reader.BytesConsumed], typed, "list") is { } decoded)
                    {
                        items.Add(decoded);
                    }
                }
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        return new ResourceList<T>(items, meta?.ResourceVersion, string.IsNullOrEmpty(meta?.Continue) ? null : meta.Continue);
    }

    public async IAsyncEnumerable<T> ListAllAsync(string? ns, ListOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        options ??= new ListOptions();
        string? next = null;
        do
        {
            var page = await ListAsync(ns, options with { Continue = next }, cancellationToken);
            foreach (var item in page.Items)
            {
                yield return item;
            }

            next = page.Continue;
        }
        while (next is not null);
    }

    public async IAsyncEnumerable<WatchEvent<T>> WatchAsync(string? ns, WatchOptions options, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var query = new Query();
        query.Add("watch", "true");
        query.Add("resourceVersion", options.ResourceVersion);
        query.Add("allowWatchBookmarks", options.AllowWatchBookmarks ? "true" : null);
        query.Add("timeoutSeconds", options.TimeoutSeconds?.ToString(CultureInfo.InvariantCulture));
        query.Add("labelSelector", options.LabelSelector);
        query.Add("fieldSelector", options.FieldSelector);
        using var response = await client.SendAsync(HttpMethod.Get, type.PathFor(ns) + query, null, null, "watch", type, true, cancellationToken);
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        using var lines = new Utf8StreamBuffer(stream);
        while (await lines.ReadLineAsync(cancellationToken) is { } line)
        {
            if (line.Span.Trim(" \t\r"u8).IsEmpty)
            {
                continue;
            }

            if (ParseWatchLine(line.Span) is { } watchEvent)
            {
                yield return watchEvent;
            }
        }
    }

    public async Task<T> CreateAsync(T obj, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(obj);
        using var response = await SendCreateAsync(obj, cancellationToken);
        return await ReadObjectAsync(response, cancellationToken);
    }

    public async Task CreateAndForgetAsync(T obj, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(obj);
        using var response = await SendCreateAsync(obj, cancellationToken);
    }

    private Task<HttpResponseMessage> SendCreateAsync(T obj, CancellationToken cancellationToken) =>
        client.SendAsync(HttpMethod.Post, type.PathFor(NsOf(obj)), JsonSerializer.SerializeToUtf8Bytes(obj, typeInfo), "application/json", "create", type, false, cancellationToken);

    public Task<T> ReplaceAsync(T obj, CancellationToken cancellationToken = default) => PutAsync(obj, null, null, cancellationToken);

    public Task<T> ReplaceStatusAsync(T obj, CancellationToken cancellationToken = default) => PutAsync(obj, null, "status", cancellationToken);

    public Task<T> ReplaceAsync(IKubernetesObject obj, byte[] utf8Json, string? subresource, CancellationToken cancellationToken = default) =>
        PutAsync(obj, utf8Json, subresource, cancellationToken);

    public Task<T> PatchAsync(string? ns, string name, KubernetesPatch patch, CancellationToken cancellationToken = default) =>
        SendPatchAsync(ns, name, patch, null, cancellationToken);

    public async Task PatchAndForgetAsync(string? ns, string name, KubernetesPatch patch, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(patch);
        using var response = await client.SendAsync(HttpMethod.Patch, type.PathFor(NsForObject(ns), name), Encoding.UTF8.GetBytes(patch.Body), patch.ContentType, "patch", type, false, cancellationToken);
    }

    public Task<T> PatchStatusAsync(string? ns, string name, KubernetesPatch patch, CancellationToken cancellationToken = default) =>
        SendPatchAsync(ns, name, patch, "status", cancellationToken);

    public async Task<T?> DeleteAsync(string? ns, string name, DeleteOptions? options = null, CancellationToken cancellationToken = default)
    {
        var body = options is null ? null : JsonSerializer.SerializeToUtf8Bytes(options, RestJsonContext.Default.DeleteOptions);
        using var response = await client.SendAsync(HttpMethod.Delete, type.PathFor(NsForObject(ns), name), body, "application/json", "delete", type, false, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        using var doc = JsonDocument.Parse(text);
        return doc.RootElement.TryGetProperty("kind", out var kind) && kind.ValueKind == JsonValueKind.String && kind.GetString() == "Status"
            && type.Kind != "Status"
            ? null
            : DeserializeItem(doc.RootElement);
    }

    /// <summary>One line of a watch stream; null when its object cannot be decoded (skipped and reported).</summary>
    internal WatchEvent<T>? ParseWatchLine(string line) => ParseWatchLine(Encoding.UTF8.GetBytes(line));

    /// <summary>
    /// One line of a watch stream, decoded from its UTF-8 bytes: the envelope is scanned with a reader (any depth, as
    /// the JsonDocument it replaces allowed) and the object is deserialized from its own bytes, so a watch event
    /// allocates the decoded object and little else. Null when the object cannot be decoded (skipped and reported).
    /// </summary>
    internal WatchEvent<T>? ParseWatchLine(ReadOnlySpan<byte> line)
    {
        var (typeText, objectRange, typed) = ScanWatchEnvelope(line);
        var objectBytes = objectRange is { } range ? line[range] : [];
        if (objectBytes.IsEmpty)
        {
            throw new JsonException($"watch event without 'object': {Truncate(Encoding.UTF8.GetString(line[..Math.Min(line.Length, 400)]))}");
        }

        switch (typeText)
        {
            case "ADDED":
            case "MODIFIED":
            case "DELETED":
                // A skipped event leaves the informer's resourceVersion where it was: a reconnect replays it and skips
                // it again, and the next relist drops a cached older version of the object if it stays undecodable.
                if (TryDeserializeItem(objectBytes, typed, "watch") is not { } item)
                {
                    return null;
                }

                var eventType = typeText == "ADDED" ? WatchEventType.Added : typeText == "MODIFIED" ? WatchEventType.Modified : WatchEventType.Deleted;
                return new WatchEvent<T>(eventType, item, item.Metadata.ResourceVersion);
            case "BOOKMARK":
                // A bookmark carries only metadata.resourceVersion; T may have required fields, so do not decode it as T.
                using (var doc = JsonDocument.Parse(objectBytes.ToArray(), EnvelopeOptions))
                {
                    string? rv = null;
                    if (doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty("metadata", out var meta)
                        && meta.ValueKind == JsonValueKind.Object && meta.TryGetProperty("resourceVersion", out var rvElement))
                    {
                        rv = rvElement.GetString();
                    }

                    return new WatchEvent<T>(WatchEventType.Bookmark, null, rv);
                }

            case "ERROR":
                var status = JsonSerializer.Deserialize(objectBytes, KubernetesModelJsonContext.Default.Status) ?? new Status();
                return new WatchEvent<T>(WatchEventType.Error, null, null, status);
            default:
                throw new JsonException($"unknown watch event type '{typeText}'");
        }
    }

    /// <summary>
    /// The event's type, where its object is in the line, and whether that object names its apiVersion and kind (built-in
    /// kinds may not: <see cref="DeserializeItem"/> fills them in).
    /// </summary>
    private static (string? Type, Range? Object, bool Typed) ScanWatchEnvelope(ReadOnlySpan<byte> line)
    {
        var reader = new Utf8JsonReader(line, EnvelopeReaderOptions);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("a watch event is not a JSON object");
        }

        string? typeText = null;
        Range? objectRange = null;
        var typed = false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("type"u8))
            {
                reader.Read();
                typeText = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
            }
            else if (reader.ValueTextEquals("object"u8))
            {
                reader.Read();
                var start = (int)reader.TokenStartIndex;
                typed = ScanItem(ref reader);
                objectRange = start..(int)reader.BytesConsumed;
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        return (typeText, objectRange, typed);
    }

    /// <summary>
    /// Moves the reader from the first token of an item to its last; true when the item is an object naming its
    /// apiVersion and kind (or not an object at all: decoding reports it), false when <see cref="DeserializeItem"/>
    /// has to fill them in.
    /// </summary>
    private static bool ScanItem(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            return true;
        }

        var hasApiVersion = false;
        var hasKind = false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            hasApiVersion |= reader.ValueTextEquals("apiVersion"u8);
            hasKind |= reader.ValueTextEquals("kind"u8);
            reader.Read();
            reader.Skip();
        }

        return hasApiVersion && hasKind;
    }

    private async Task<T> PutAsync(IKubernetesObject obj, byte[]? utf8Json, string? subresource, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(obj);
        var name = obj.Metadata.Name ?? throw new ArgumentException($"{type.Kind} has no metadata.name", nameof(obj));
        var body = utf8Json ?? JsonSerializer.SerializeToUtf8Bytes((T)obj, typeInfo);
        var verb = subresource is null ? "update" : "update_status";
        using var response = await client.SendAsync(HttpMethod.Put, type.PathFor(NsForObject(obj.Metadata.Namespace), name, subresource), body, "application/json", verb, type, false, cancellationToken);
        var written = await ReadObjectAsync(response, cancellationToken);
        // A caller goes on with the answer (events, keys of its own maps): the same object's name and uid, one copy.
        written.Metadata.ShareInstancesOf(obj.Metadata);
        return written;
    }

    private async Task<T> SendPatchAsync(string? ns, string name, KubernetesPatch patch, string? subresource, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(patch);
        var verb = subresource is null ? "patch" : "patch_status";
        using var response = await client.SendAsync(HttpMethod.Patch, type.PathFor(NsForObject(ns), name, subresource), Encoding.UTF8.GetBytes(patch.Body), patch.ContentType, verb, type, false, cancellationToken);
        return await ReadObjectAsync(response, cancellationToken);
    }

    /// <summary>
    /// The object a request answered with, decoded once from its UTF-8 bytes (the body is buffered already: read
    /// into a pooled buffer, no document of it first). Only an object without apiVersion / kind goes through a
    /// document, to fill them in.
    /// </summary>
    private async Task<T> ReadObjectAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        var length = response.Content.Headers.ContentLength is > 0 and < int.MaxValue / 2 and var known ? (int)known + 1 : 16 * 1024;
        using var body = new Utf8StreamBuffer(stream, length);
        return DecodeObject((await body.ReadToEndAsync(cancellationToken)).Span);
    }

    private T DecodeObject(ReadOnlySpan<byte> utf8)
    {
        var reader = new Utf8JsonReader(utf8, EnvelopeReaderOptions);
        if (!reader.Read())
        {
            throw new JsonException($"an empty {type.Kind} body");
        }

        if (ScanItem(ref reader) && reader.TokenType == JsonTokenType.EndObject)
        {
            return JsonSerializer.Deserialize(utf8, typeInfo) ?? throw new JsonException($"null {type.Kind}");
        }

        using var doc = JsonDocument.Parse(utf8.ToArray(), EnvelopeOptions);
        return DeserializeItem(doc.RootElement);
    }

    /// <summary>Decodes a listed or watched item from its bytes, or reports it and returns null when it cannot be decoded.</summary>
    private T? TryDeserializeItem(ReadOnlySpan<byte> utf8, bool typed, string verb)
    {
        if (typed)
        {
            try
            {
                return JsonSerializer.Deserialize(utf8, typeInfo) ?? throw new JsonException($"null {type.Kind}");
            }
            catch (Exception e) when (IsDecodeFailure(e))
            {
                // Decoded once more below from a document of the object, which names it in the report.
            }
        }

        // Rare: an item without apiVersion / kind (built-in kinds; the fill-in needs a document), or one that cannot be
        // decoded (the report needs its metadata).
        using var doc = JsonDocument.Parse(utf8.ToArray(), EnvelopeOptions);
        return TryDeserializeItem(doc.RootElement, verb);
    }

    /// <summary>Decodes a listed or watched item, or reports it and returns null when it cannot be decoded.</summary>
    private T? TryDeserializeItem(JsonElement element, string verb)
    {
        try
        {
            return DeserializeItem(element);
        }
        catch (Exception e) when (IsDecodeFailure(e))
        {
            client.ReportDecodeFailure(new DecodeFailure(type, verb, Metadata(element, "namespace"), Metadata(element, "name"), Metadata(element, "uid"), Truncate(e.Message)));
            return null;
        }
    }

    /// <summary>What decoding a malformed or hostile object throws (anything else is a bug, not a bad object).</summary>
    private static bool IsDecodeFailure(Exception e) =>
        e is JsonException or InvalidOperationException or NotSupportedException or FormatException or OverflowException;

    private static string? Metadata(JsonElement element, string field) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty("metadata", out var metadata) && metadata.ValueKind == JsonValueKind.Object
            && metadata.TryGetProperty(field, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    /// <summary>Decodes an item; built-in kinds omit apiVersion/kind inside lists, so fill them in first.</summary>
    private T DeserializeItem(JsonElement element)
    {
        if (element.ValueKind == JsonValueKind.Object && (!element.TryGetProperty("apiVersion", out _) || !element.TryGetProperty("kind", out _)))
        {
            var node = JsonObject.Create(element)!;
            node["apiVersion"] ??= type.ApiVersion;
            node["kind"] ??= type.Kind;
            return node.Deserialize(typeInfo) ?? throw new JsonException($"null {type.Kind}");
        }

        return element.Deserialize(typeInfo) ?? throw new JsonException($"null {type.Kind}");
    }

    private string? NsForObject(string? ns)
    {
        if (type.Namespaced && string.IsNullOrEmpty(ns))
        {
            throw new ArgumentException($"{type.GroupResource} is namespaced: a namespace is required", nameof(ns));
        }

        return type.Namespaced ? ns : null;
    }

    private string? NsOf(T obj) => NsForObject(obj.Metadata.Namespace);

    private static string Truncate(string s) => s.Length > 200 ? s[..200] + "..." : s;

    private sealed class Query
    {
        private readonly StringBuilder _sb = new();

        public void Add(string name, string? value)
        {
            if (string.IsNullOrEmpty(value))
            {
                return;
            }

            _sb.Append(_sb.Length == 0 ? '?' : '&').Append(name).Append('=').Append(Uri.EscapeDataString(value));
        }

        public override string ToString() => _sb.ToString();
    }
}
