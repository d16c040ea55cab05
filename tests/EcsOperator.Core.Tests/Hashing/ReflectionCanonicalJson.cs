using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using EcsOperator.Aws.Model;

namespace EcsOperator.Core.Tests.Hashing;

/// <summary>
/// The reflection walk CanonicalJson did before it read the serializer's source-generated contract, kept verbatim as
/// the oracle that proves the canonical forms (and so every spec hash) did not change: a changed hash would register a
/// new revision of every task definition.
/// </summary>
internal static class ReflectionCanonicalJson
{
    private sealed record Member(string WireName, Type Type, IReadOnlyList<string>? ListKeys, bool IsSet);

    private static readonly ConcurrentDictionary<(Type, JsonNamingPolicy?), IReadOnlyDictionary<string, Member>> MembersCache = new();

    /// <summary>Canonicalizes <paramref name="node"/>, read as a value of <paramref name="type"/>.</summary>
    /// <param name="namingPolicy">The wire naming policy of the type's JSON context (camelCase for ECS, none for Application Auto Scaling).</param>
    public static JsonNode? Canonicalize(JsonNode? node, Type type, JsonNamingPolicy? namingPolicy) =>
        Canonicalize(node, type, namingPolicy, listKeys: null, isSet: false);

    /// <summary>The canonical JSON text: compact, sorted, deterministic.</summary>
    public static string ToCanonicalString(JsonNode? node, Type type, JsonNamingPolicy? namingPolicy) =>
        Canonicalize(node, type, namingPolicy)?.ToJsonString() ?? "null";

    private static JsonNode? Canonicalize(JsonNode? node, Type type, JsonNamingPolicy? policy, IReadOnlyList<string>? listKeys, bool isSet)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        switch (node)
        {
            case null:
                return null;
            case JsonObject obj:
                return CanonicalizeObject(obj, type, policy);
            case JsonArray array:
                return CanonicalizeArray(array, ElementType(type), policy, listKeys, isSet);
            default:
                return node.DeepClone();
        }
    }

    private static JsonObject? CanonicalizeObject(JsonObject obj, Type type, JsonNamingPolicy? policy)
    {
        var valueType = DictionaryValueType(type);
        var members = valueType is null ? MembersOf(type, policy) : null;
        var result = new JsonObject();
        foreach (var (name, value) in obj.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            JsonNode? canonical;
            if (valueType is not null)
            {
                canonical = Canonicalize(value, valueType, policy, null, false);
            }
            else if (members!.TryGetValue(name, out var member))
            {
                canonical = Canonicalize(value, member.Type, policy, member.ListKeys, member.IsSet);
            }
            else
            {
                canonical = Canonicalize(value, typeof(object), policy, null, false);
            }

            if (!IsEmpty(canonical))
                result[name] = canonical;
        }

        return result.Count == 0 ? null : result;
    }

    private static JsonArray? CanonicalizeArray(JsonArray array, Type elementType, JsonNamingPolicy? policy, IReadOnlyList<string>? listKeys, bool isSet)
    {
        var items = array.Select(item => Canonicalize(item, elementType, policy, null, false)).ToList();
        if (listKeys is not null)
        {
            items = items.OrderBy(item => KeyOf(item, listKeys), StringComparer.Ordinal).ToList();
        }
        else if (isSet)
        {
            items = items.OrderBy(item => item?.ToJsonString() ?? "null", StringComparer.Ordinal).ToList();
        }

        if (items.Count == 0)
            return null;
        var result = new JsonArray();
        foreach (var item in items)
            result.Add(item);
        return result;
    }

    private static string KeyOf(JsonNode? item, IReadOnlyList<string> keys) =>
        string.Join('\u001f', keys.Select(k => item is JsonObject o && o[k] is { } v ? v.ToJsonString() : "null"));

    private static bool IsEmpty(JsonNode? node) => node switch
    {
        null => true,
        JsonArray a => a.Count == 0,
        JsonObject o => o.Count == 0,
        _ => false,
    };

    private static IReadOnlyDictionary<string, Member> MembersOf(Type type, JsonNamingPolicy? policy) =>
        MembersCache.GetOrAdd((type, policy), static key =>
        {
            var (t, p) = key;
            var members = new Dictionary<string, Member>(StringComparer.Ordinal);
            if (t == typeof(object) || t.IsPrimitive || t == typeof(string))
                return members;
            foreach (var property in t.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                if (property.GetCustomAttribute<JsonIgnoreAttribute>() is { Condition: JsonIgnoreCondition.Always })
                    continue;
                var wireName = property.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name
                    ?? p?.ConvertName(property.Name)
                    ?? property.Name;
                members[wireName] = new Member(
                    wireName,
                    property.PropertyType,
                    property.GetCustomAttribute<ListKeyAttribute>()?.Keys,
                    property.GetCustomAttribute<SetListAttribute>() is not null);
            }

            return members;
        });

    private static Type ElementType(Type type)
    {
        if (type.IsArray)
            return type.GetElementType()!;
        var enumerable = type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IEnumerable<>)
            ? type
            : type.GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>));
        return enumerable?.GetGenericArguments()[0] ?? typeof(object);
    }

    private static Type? DictionaryValueType(Type type)
    {
        var dictionary = new[] { type }.Concat(type.GetInterfaces()).FirstOrDefault(i =>
            i.IsGenericType && (i.GetGenericTypeDefinition() == typeof(IReadOnlyDictionary<,>) || i.GetGenericTypeDefinition() == typeof(IDictionary<,>)));
        return dictionary?.GetGenericArguments()[1];
    }
}
