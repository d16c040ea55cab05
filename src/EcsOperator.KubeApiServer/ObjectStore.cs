using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace EcsOperator.KubeApiServer;

/// <summary>
/// The server's storage: every object of every kind behind one lock and one monotonic resourceVersion counter,
/// plus the window of recent changes that watches and continue tokens are served from.
/// </summary>
internal sealed partial class ObjectStore
{
    private const string GenerateNameAlphabet = "bcdfghjklmnpqrstvwxz2456789";

    /// <summary>What <see cref="JsonNode.ToJsonString"/> writes with (default options), so the bytes match it.</summary>
    internal static readonly JsonWriterOptions WriterOptions = new() { MaxDepth = 64, SkipValidation = true };

    private readonly object _gate = new();
    private readonly Dictionary<string, SortedDictionary<string, JsonObject>> _data = new(StringComparer.Ordinal);
    private readonly LinkedList<Change> _history = new();
    private readonly List<Watcher> _watchers = [];
    private readonly ResourceRegistry _registry;
    private readonly TimeProvider _time;
    private long _resourceVersion;
    private long _compactedResourceVersion;
    private int _historyWindow;

    public ObjectStore(ResourceRegistry registry, TimeProvider time, long initialResourceVersion, int historyWindow)
    {
        _registry = registry;
        _time = time;
        _resourceVersion = initialResourceVersion;
        _compactedResourceVersion = initialResourceVersion;
        _historyWindow = historyWindow;
    }

    public bool AutoCreateNamespaces { get; set; }

    public long CurrentResourceVersion
    {
        get
        {
            lock (_gate)
            {
                return _resourceVersion;
            }
        }
    }

    public int HistoryWindow
    {
        get
        {
            lock (_gate)
            {
                return _historyWindow;
            }
        }

        set
        {
            ArgumentOutOfRangeException.ThrowIfNegative(value);
            lock (_gate)
            {
                _historyWindow = value;
                TrimHistory();
            }
        }
    }

    public int WatcherCount
    {
        get
        {
            lock (_gate)
            {
                return _watchers.Count;
            }
        }
    }

    private static string Rv(long rv) => rv.ToString(CultureInfo.InvariantCulture);

    private static string Key(string? ns, string name) => ns is null ? name : $"{ns}/{name}";

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private SortedDictionary<string, JsonObject> Bucket(ServedResource type)
    {
        if (!_data.TryGetValue(type.StorageKey, out var bucket))
        {
            bucket = new SortedDictionary<string, JsonObject>(StringComparer.Ordinal);
            _data[type.StorageKey] = bucket;
        }

        return bucket;
    }

    /// <summary>A copy of a stored object as served for <paramref name="type"/>'s version.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static JsonObject Present(JsonObject stored, ServedResource type)
    {
        stored = EventViews.Convert(stored, type) ?? stored;
        var copy = new JsonObject { ["apiVersion"] = type.ApiVersion, ["kind"] = type.Kind };
        foreach (var (key, value) in stored)
        {
            if (key is not ("apiVersion" or "kind"))
            {
                copy[key] = value?.DeepClone();
            }
        }

        return copy;
    }

    /// <summary>
    /// <see cref="Present"/>'s result as UTF-8 JSON, byte for byte what <c>Present(stored, type).ToJsonString()</c>
    /// gives, written straight from <paramref name="stored"/> without copying it.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static byte[] PresentedJson(JsonObject stored, ServedResource type) =>
        JsonBytes.Write((stored, type), static (writer, state) => WritePresented(writer, state.stored, state.type));

    /// <summary>Writes <see cref="Present"/>'s result for <paramref name="stored"/> without copying it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void WritePresented(Utf8JsonWriter writer, JsonObject stored, ServedResource type)
    {
        stored = EventViews.Convert(stored, type) ?? stored;
        writer.WriteStartObject();
        writer.WriteString("apiVersion", type.ApiVersion);
        writer.WriteString("kind", type.Kind);
        foreach (var (key, value) in stored)
        {
            if (key is not ("apiVersion" or "kind"))
            {
                writer.WritePropertyName(key);
                if (value is null)
                {
                    writer.WriteNullValue();
                }
                else
                {
                    value.WriteTo(writer);
                }
            }
        }

        writer.WriteEndObject();
    }

    /// <summary>A stored object read back from its JSON: every value backed by parsed JSON, as <see cref="JsonNumbers.Normalize"/> leaves it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static JsonObject Parse(byte[] json) => JsonNode.Parse(json)!.AsObject();

    /// <summary>
    /// Whether <paramref name="a"/> and <paramref name="b"/> have the same members apart from <paramref name="except"/>
    /// (<see cref="JsonNode.DeepEquals"/> of the two without them, without copying either).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool SameMembers(JsonObject a, JsonObject b, params ReadOnlySpan<string> except)
    {
        var count = 0;
        foreach (var (key, value) in a)
        {
            if (except.Contains(key))
            {
                continue;
            }

            count++;
            if (!b.TryGetPropertyValue(key, out var other) || !JsonNode.DeepEquals(value, other))
            {
                return false;
            }
        }

        foreach (var (key, _) in b)
        {
            if (!except.Contains(key))
            {
                count--;
            }
        }

        return count == 0;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static JsonObject Meta(JsonObject obj) => obj["metadata"] as JsonObject ?? throw KubeErrors.BadRequest("metadata must be an object");

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static string? Str(JsonObject obj, string name) =>
        obj[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    private string Now() => _time.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public JsonObject Get(ServedResource type, string? ns, string name)
    {
        lock (_gate)
        {
            return Present(GetStored(type, ns, name), type);
        }
    }

    /// <summary>A stored object as served for <paramref name="type"/>'s version, as UTF-8 JSON.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public byte[] GetJson(ServedResource type, string? ns, string name)
    {
        lock (_gate)
        {
            return PresentedJson(GetStored(type, ns, name), type);
        }
    }

    public JsonObject? TryGet(ServedResource type, string? ns, string name)
    {
        lock (_gate)
        {
            return Bucket(type).TryGetValue(Key(ns, name), out var obj) ? Present(obj, type) : null;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private JsonObject GetStored(ServedResource type, string? ns, string name) =>
        Bucket(type).TryGetValue(Key(ns, name), out var obj) ? obj : throw KubeErrors.NotFound(type.Group, type.Plural, name);

    public JsonObject List(ServedResource type, string? ns, LabelSelector labels, FieldSelector fields, int? limit, string? continueToken, string? resourceVersion, string? resourceVersionMatch)
    {
        lock (_gate)
        {
            long listRv = _resourceVersion;
            var start = string.Empty;
            if (!string.IsNullOrEmpty(continueToken))
            {
                (listRv, start) = DecodeContinue(continueToken);
            }
            else if (resourceVersionMatch == "Exact")
            {
                listRv = ParseRv(resourceVersion);
            }

            if (listRv < _compactedResourceVersion)
            {
                throw continueToken is null
                    ? KubeErrors.Expired($"too old resource version: {listRv} ({_compactedResourceVersion})")
                    : KubeErrors.Expired("The provided continue parameter is too old to display a consistent list result. You can start a new list without the continue parameter, or use the continue token in this response to retrieve the remainder of the results. Continuing with the provided token results in an inconsistent list - objects that were created, modified, or deleted between the time the first chunk was returned and now may show up in the list.");
            }

            var snapshot = Snapshot(type, listRv);
            var items = new JsonArray();
            string? lastKey = null;
            var remaining = 0;
            foreach (var (key, obj) in snapshot)
            {
                if (string.CompareOrdinal(key, start) < 0 || (ns is not null && !key.StartsWith(ns + "/", StringComparison.Ordinal))
                    || !labels.Matches(obj) || !fields.Matches(EventViews.Convert(obj, type) ?? obj))
                {
                    continue;
                }

                if (limit is > 0 && items.Count >= limit)
                {
                    remaining++;
                    continue;
                }

                var item = Present(obj, type);
                if (!type.ListItemsHaveTypeMeta)
                {
                    item.Remove("apiVersion");
                    item.Remove("kind");
                }

                items.Add(item);
                lastKey = key;
            }

            var metadata = new JsonObject { ["resourceVersion"] = Rv(listRv) };
            if (remaining > 0)
            {
                metadata["continue"] = EncodeContinue(listRv, lastKey + "\u0000");
                if (labels == LabelSelector.Everything && fields == FieldSelector.Everything)
                {
                    // kube only knows the remaining count when nothing is filtered out.
                    metadata["remainingItemCount"] = remaining;
                }
            }

            return new JsonObject
            {
                ["apiVersion"] = type.ApiVersion,
                ["kind"] = type.Kind + "List",
                ["metadata"] = metadata,
                ["items"] = items,
            };
        }
    }

    private static long ParseRv(string? text) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var rv)
            ? rv
            : throw KubeErrors.BadRequest($"invalid resource version: \"{text}\"") ;

    private static string EncodeContinue(long rv, string start)
    {
        var json = new JsonObject { ["v"] = "meta.k8s.io/v1", ["rv"] = rv, ["start"] = start }.ToJsonString();
        return Convert.ToBase64String(Encoding.UTF8.GetBytes(json)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    private static (long Rv, string Start) DecodeContinue(string token)
    {
        try
        {
            var b64 = token.Replace('-', '+').Replace('_', '/');
            b64 += new string('=', (4 - (b64.Length % 4)) % 4);
            var obj = JsonNode.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(b64))) as JsonObject;
            if ((string?)obj?["v"] == "meta.k8s.io/v1" && obj["rv"] is JsonValue rv && obj["start"] is JsonValue start)
            {
                return (rv.GetValue<long>(), start.GetValue<string>());
            }
        }
        catch (Exception e) when (e is FormatException or JsonException or InvalidOperationException)
        {
            // falls through to the error below
        }

        throw KubeErrors.BadRequest($"continue key is not valid: {token}");
    }

    /// <summary>The objects of a kind as they were at <paramref name="rv"/>, rebuilt by undoing later changes.</summary>
    private SortedDictionary<string, JsonObject> Snapshot(ServedResource type, long rv)
    {
        var current = Bucket(type);
        if (rv >= _resourceVersion)
        {
            return current;
        }

        var snapshot = new SortedDictionary<string, JsonObject>(current, StringComparer.Ordinal);
        for (var node = _history.Last; node is not null && node.Value.ResourceVersion > rv; node = node.Previous)
        {
            var change = node.Value;
            if (change.StorageKey != type.StorageKey)
            {
                continue;
            }

            if (change.Previous is null)
            {
                snapshot.Remove(change.Key);
            }
            else
            {
                snapshot[change.Key] = change.Previous;
            }
        }

        return snapshot;
    }
}
