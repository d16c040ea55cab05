using System.Globalization;
using System.Text.Json.Nodes;

namespace EcsOperator.KubeApiServer;

/// <summary>RFC 6902 JSON patch (add, remove, replace, move, copy, test) over RFC 6901 pointers.</summary>
public static class JsonPatch
{
    /// <summary>Thrown when an operation cannot be applied (kube answers 422 for these).</summary>
    public sealed class PatchApplyException(string message) : Exception(message);

    /// <summary>Thrown when the patch document itself is malformed (kube answers 400 for these).</summary>
    public sealed class PatchFormatException(string message) : Exception(message);

    /// <summary>Applies the patch document to a copy of <paramref name="target"/>.</summary>
    public static JsonNode? Apply(JsonNode? target, JsonNode? patch)
    {
        if (patch is not JsonArray ops)
        {
            throw new PatchFormatException("json: cannot unmarshal object into Go value of type jsonpatch.Patch");
        }

        var doc = target?.DeepClone();
        foreach (var opNode in ops)
        {
            if (opNode is not JsonObject op || op["op"] is not JsonValue opValue || !opValue.TryGetValue<string>(out var name))
            {
                throw new PatchFormatException("invalid JSON patch operation: missing \"op\"");
            }

            var path = RequiredString(op, "path", name);
            switch (name)
            {
                case "add":
                    doc = Add(doc, path, RequiredValue(op, name));
                    break;
                case "remove":
                    doc = Remove(doc, path, out _);
                    break;
                case "replace":
                    doc = Remove(doc, path, out _, "replace");
                    doc = Add(doc, path, RequiredValue(op, name));
                    break;
                case "move":
                {
                    var from = RequiredString(op, "from", name);
                    doc = Remove(doc, from, out var moved, "move");
                    doc = Add(doc, path, moved);
                    break;
                }

                case "copy":
                {
                    var from = RequiredString(op, "from", name);
                    doc = Add(doc, path, Get(doc, from, "copy")?.DeepClone());
                    break;
                }

                case "test":
                {
                    var actual = Get(doc, path, "test");
                    if (!JsonNode.DeepEquals(actual, op["value"]))
                    {
                        throw new PatchApplyException($"testing value {path} failed: test failed");
                    }

                    break;
                }

                default:
                    throw new PatchFormatException($"Unexpected kind: {name}");
            }
        }

        return doc;
    }

    private static string RequiredString(JsonObject op, string field, string name) =>
        op[field] is JsonValue v && v.TryGetValue<string>(out var s)
            ? s
            : throw new PatchFormatException($"{name} operation missing \"{field}\" string");

    private static JsonNode? RequiredValue(JsonObject op, string name) =>
        op.ContainsKey("value") ? op["value"]?.DeepClone() : throw new PatchFormatException($"{name} operation does not apply: missing value");

    private static List<string> Parse(string pointer)
    {
        if (pointer.Length == 0)
        {
            return [];
        }

        if (pointer[0] != '/')
        {
            throw new PatchApplyException($"JSON pointer must start with '/': {pointer}");
        }

        return pointer[1..].Split('/').Select(s => s.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal)).ToList();
    }

    private static JsonNode? Get(JsonNode? doc, string pointer, string op)
    {
        var node = doc;
        foreach (var token in Parse(pointer))
        {
            node = node switch
            {
                JsonObject o when o.TryGetPropertyValue(token, out var child) => child,
                JsonArray a when TryIndex(token, a.Count, out var i) => a[i],
                _ => throw new PatchApplyException($"{op} operation does not apply: doc is missing path: \"{pointer}\""),
            };
        }

        return node;
    }

    private static JsonNode? Add(JsonNode? doc, string pointer, JsonNode? value)
    {
        var tokens = Parse(pointer);
        if (tokens.Count == 0)
        {
            return value;
        }

        var parent = Get(doc, "/" + string.Join('/', tokens.SkipLast(1).Select(Escape)), "add");
        var last = tokens[^1];
        switch (parent)
        {
            case JsonObject o:
                o[last] = value;
                break;
            case JsonArray a when last == "-":
                a.Add(value);
                break;
            case JsonArray a when TryIndex(last, a.Count + 1, out var i):
                a.Insert(i, value);
                break;
            default:
                throw new PatchApplyException($"add operation does not apply: doc is missing path: \"{pointer}\"");
        }

        return doc;
    }

    private static JsonNode? Remove(JsonNode? doc, string pointer, out JsonNode? removed, string op = "remove")
    {
        var tokens = Parse(pointer);
        if (tokens.Count == 0)
        {
            removed = doc;
            return null;
        }

        var parent = Get(doc, "/" + string.Join('/', tokens.SkipLast(1).Select(Escape)), op);
        var last = tokens[^1];
        switch (parent)
        {
            case JsonObject o when o.TryGetPropertyValue(last, out var child):
                removed = child;
                o.Remove(last);
                break;
            case JsonArray a when TryIndex(last, a.Count, out var i):
                removed = a[i];
                a.RemoveAt(i);
                break;
            default:
                throw new PatchApplyException($"{op} operation does not apply: doc is missing path: \"{pointer}\"");
        }

        return doc;
    }

    private static string Escape(string token) => token.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);

    private static bool TryIndex(string token, int countExclusive, out int index) =>
        int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out index) && index < countExclusive
        && (token == "0" || token[0] != '0');
}
