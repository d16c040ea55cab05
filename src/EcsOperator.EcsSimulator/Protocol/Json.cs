using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace EcsOperator.Simulator.Protocol;

/// <summary>Small helpers for reading requests and writing responses as AWS JSON 1.1 does.</summary>
internal static class Json
{
    /// <summary>Timestamps go on the wire as epoch seconds (with milliseconds), like AWS JSON protocols.</summary>
    public static JsonNode Epoch(DateTimeOffset at) => JsonValue.Create(Math.Round(at.ToUnixTimeMilliseconds() / 1000.0, 3));

    public static DateTimeOffset? ReadEpoch(JsonObject request, string name)
    {
        var node = request[name];
        if (node is null)
        {
            return null;
        }

        if (node is JsonValue v && v.TryGetValue<double>(out var seconds))
        {
            return DateTimeOffset.FromUnixTimeMilliseconds((long)Math.Round(seconds * 1000));
        }

        if (node is JsonValue s && s.TryGetValue<string>(out var text)
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
        {
            return parsed;
        }

        throw AwsErrorException.InvalidParameter($"{name} must be a timestamp.");
    }

    public static string? Str(JsonObject request, string name)
    {
        var node = request[name];
        if (node is null)
        {
            return null;
        }

        if (node is JsonValue v && v.TryGetValue<string>(out var s))
        {
            return s;
        }

        throw new AwsErrorException("SerializationException", $"{name} must be a string.");
    }

    public static string RequiredStr(JsonObject request, string name, Func<string, AwsErrorException>? error = null)
    {
        var value = Str(request, name);
        if (string.IsNullOrEmpty(value))
        {
            var message = $"{name} can not be null or empty.";
            throw error?.Invoke(message) ?? AwsErrorException.InvalidParameter(message);
        }

        return value;
    }

    public static int? Int(JsonObject request, string name)
    {
        var node = request[name];
        if (node is null)
        {
            return null;
        }

        if (node is JsonValue v)
        {
            if (v.TryGetValue<int>(out var i))
            {
                return i;
            }

            if (v.TryGetValue<double>(out var d) && d == Math.Floor(d) && d is >= int.MinValue and <= int.MaxValue)
            {
                return (int)d;
            }
        }

        throw new AwsErrorException("SerializationException", $"{name} must be an integer.");
    }

    public static double? Double(JsonObject request, string name)
    {
        var node = request[name];
        if (node is null)
        {
            return null;
        }

        if (node is JsonValue v && v.TryGetValue<double>(out var d))
        {
            return d;
        }

        throw new AwsErrorException("SerializationException", $"{name} must be a number.");
    }

    public static bool? Bool(JsonObject request, string name)
    {
        var node = request[name];
        if (node is null)
        {
            return null;
        }

        if (node is JsonValue v && v.TryGetValue<bool>(out var b))
        {
            return b;
        }

        throw new AwsErrorException("SerializationException", $"{name} must be a boolean.");
    }

    public static JsonObject? Obj(JsonObject request, string name) => request[name] switch
    {
        null => null,
        JsonObject o => o,
        _ => throw new AwsErrorException("SerializationException", $"{name} must be an object."),
    };

    public static JsonArray? Arr(JsonObject request, string name) => request[name] switch
    {
        null => null,
        JsonArray a => a,
        _ => throw new AwsErrorException("SerializationException", $"{name} must be a list."),
    };

    public static List<string> Strings(JsonObject request, string name)
    {
        var array = Arr(request, name);
        if (array is null)
        {
            return [];
        }

        var list = new List<string>(array.Count);
        foreach (var item in array)
        {
            if (item is JsonValue v && v.TryGetValue<string>(out var s))
            {
                list.Add(s);
            }
            else
            {
                throw new AwsErrorException("SerializationException", $"{name} must be a list of strings.");
            }
        }

        return list;
    }

    public static JsonArray StringArray(IEnumerable<string> values) => new([.. values.Select(v => (JsonNode?)JsonValue.Create(v))]);

    public static JsonNode? Clone(JsonNode? node) => node?.DeepClone();

    public static bool SameJson(JsonNode? a, JsonNode? b) => JsonNode.DeepEquals(a, b);

    /// <summary>Opaque paging token: base64 of the next offset, scoped to the operation so tokens cannot be mixed up.</summary>
    public static string Token(string scope, int offset) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes($"{scope}|{offset.ToString(CultureInfo.InvariantCulture)}"));

    public static int ReadToken(string? token, string scope, string errorCode = "InvalidParameterException")
    {
        if (string.IsNullOrEmpty(token))
        {
            return 0;
        }

        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(token));
            var parts = text.Split('|');
            if (parts.Length == 2 && parts[0] == scope && int.TryParse(parts[1], CultureInfo.InvariantCulture, out var offset) && offset >= 0)
            {
                return offset;
            }
        }
        catch (FormatException)
        {
            // Falls through to the AWS-style error below.
        }

        throw new AwsErrorException(errorCode, "Invalid NextToken value.");
    }

    /// <summary>Pages <paramref name="items"/> and writes the page plus <c>nextToken</c> (named per service) into <paramref name="response"/>.</summary>
    public static List<T> Page<T>(IReadOnlyList<T> items, int offset, int pageSize, string scope, JsonObject response, string tokenMember)
    {
        var page = items.Skip(offset).Take(pageSize).ToList();
        if (offset + pageSize < items.Count)
        {
            response[tokenMember] = Token(scope, offset + pageSize);
        }

        return page;
    }
}
