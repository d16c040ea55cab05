using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using EcsOperator.Aws.Model;

namespace EcsOperator.Core.Hashing;

/// <summary>
/// The canonical form of a serialized ECS shape: what two equivalent requests have in common however they were
/// written. Object members are sorted; nulls, empty lists and empty objects are dropped (ECS treats them as absent
/// and echoes <c>[]</c> for lists it was never sent); lists marked <see cref="ListKeyAttribute"/> are ordered by
/// their keys and <see cref="SetListAttribute"/> lists by value. Lists without either marker keep their order,
/// because order means something there (command, entryPoint, dnsServers).
/// </summary>
/// <remarks>
/// The shape is read from the serializer's source-generated contract (<see cref="JsonTypeInfo"/>): member names as
/// they are on the wire, member types, element and value types of lists and maps, and the markers on the members it
/// names. No reflection over types, so trimming and Native AOT keep everything this reads.
/// </remarks>
public static class CanonicalJson
{
    private static readonly ConditionalWeakTable<JsonTypeInfo, Dictionary<string, Member>> Members = new();

    /// <summary>Canonicalizes <paramref name="node"/>, read as a value of <paramref name="typeInfo"/>'s type.</summary>
    public static JsonNode? Canonicalize(JsonNode? node, JsonTypeInfo typeInfo)
    {
        ArgumentNullException.ThrowIfNull(typeInfo);
        return Canonicalize(node, typeInfo, listKeys: null, isSet: false);
    }

    /// <summary>The canonical JSON text: compact, sorted, deterministic.</summary>
    public static string ToCanonicalString(JsonNode? node, JsonTypeInfo typeInfo) =>
        Canonicalize(node, typeInfo)?.ToJsonString() ?? "null";

    // A null type info is a value of unknown shape (a member the contract does not name): sorted, never re-ordered.
    private static JsonNode? Canonicalize(JsonNode? node, JsonTypeInfo? typeInfo, IReadOnlyList<string>? listKeys, bool isSet) =>
        node switch
        {
            null => null,
            JsonObject obj => CanonicalizeObject(obj, typeInfo),
            JsonArray array => CanonicalizeArray(array, ElementInfo(typeInfo, JsonTypeInfoKind.Enumerable), listKeys, isSet),
            _ => node.DeepClone(),
        };

    private static JsonObject? CanonicalizeObject(JsonObject obj, JsonTypeInfo? typeInfo)
    {
        var isMap = typeInfo?.Kind == JsonTypeInfoKind.Dictionary;
        var valueInfo = isMap ? ElementInfo(typeInfo, JsonTypeInfoKind.Dictionary) : null;
        var members = !isMap && typeInfo?.Kind == JsonTypeInfoKind.Object ? MembersOf(typeInfo) : null;
        var result = new JsonObject();
        foreach (var (name, value) in obj.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            JsonNode? canonical;
            if (isMap)
            {
                canonical = Canonicalize(value, valueInfo, null, false);
            }
            else if (members is not null && members.TryGetValue(name, out var member))
            {
                canonical = Canonicalize(value, InfoOf(member.Info.PropertyType, typeInfo!), member.ListKeys, member.IsSet);
            }
            else
            {
                canonical = Canonicalize(value, null, null, false);
            }

            if (!IsEmpty(canonical))
                result[name] = canonical;
        }

        return result.Count == 0 ? null : result;
    }

    /// <summary>
    /// The members of an object contract by wire name, with their list markers read once: looking them up per hash
    /// (a scan of the members, and attribute reads through the Native AOT type loader) was a tenth of the operator's
    /// CPU while it registered task definitions.
    /// </summary>
    private static Dictionary<string, Member> MembersOf(JsonTypeInfo typeInfo) =>
        Members.GetValue(typeInfo, static info =>
        {
            var members = new Dictionary<string, Member>(StringComparer.Ordinal);
            foreach (var property in info.Properties)
            {
                var attributes = property.AttributeProvider;
                var listKeys = attributes?.GetCustomAttributes(typeof(ListKeyAttribute), inherit: true).OfType<ListKeyAttribute>().FirstOrDefault()?.Keys;
                var isSet = attributes?.IsDefined(typeof(SetListAttribute), inherit: true) == true;
                members.TryAdd(property.Name, new Member(property, listKeys, isSet));
            }

            return members;
        });

    private sealed record Member(JsonPropertyInfo Info, IReadOnlyList<string>? ListKeys, bool IsSet);

    private static JsonArray? CanonicalizeArray(JsonArray array, JsonTypeInfo? elementInfo, IReadOnlyList<string>? listKeys, bool isSet)
    {
        var items = array.Select(item => Canonicalize(item, elementInfo, null, false)).ToList();
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

    private static JsonTypeInfo? ElementInfo(JsonTypeInfo? typeInfo, JsonTypeInfoKind kind) =>
        typeInfo?.Kind == kind && typeInfo.ElementType is { } elementType ? InfoOf(elementType, typeInfo) : null;

    // Nullable<T> has its own contract that names no members; the shape is T's.
    private static JsonTypeInfo InfoOf(Type type, JsonTypeInfo owner) =>
        owner.Options.GetTypeInfo(Nullable.GetUnderlyingType(type) ?? type);

    private static string KeyOf(JsonNode? item, IReadOnlyList<string> keys) =>
        string.Join('\u001f', keys.Select(k => item is JsonObject o && o[k] is { } v ? v.ToJsonString() : "null"));

    private static bool IsEmpty(JsonNode? node) => node switch
    {
        null => true,
        JsonArray a => a.Count == 0,
        JsonObject o => o.Count == 0,
        _ => false,
    };
}
