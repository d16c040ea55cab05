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
    private static readonly ConditionalWeakTable<JsonTypeInfo, Shape> Shapes = new();

    /// <summary>Canonicalizes <paramref name="node"/>, read as a value of <paramref name="typeInfo"/>'s type.</summary>
    public static JsonNode? Canonicalize(JsonNode? node, JsonTypeInfo typeInfo)
    {
        ArgumentNullException.ThrowIfNull(typeInfo);
        return Canonicalize(node, ShapeOf(typeInfo), listKeys: null, isSet: false);
    }

    /// <summary>The canonical JSON text: compact, sorted, deterministic.</summary>
    public static string ToCanonicalString(JsonNode? node, JsonTypeInfo typeInfo) =>
        Canonicalize(node, typeInfo)?.ToJsonString() ?? "null";

    // A null shape is a value of unknown shape (a member the contract does not name): sorted, never re-ordered.
    private static JsonNode? Canonicalize(JsonNode? node, Shape? shape, IReadOnlyList<string>? listKeys, bool isSet) =>
        node switch
        {
            null => null,
            JsonObject obj => CanonicalizeObject(obj, shape),
            JsonArray array => CanonicalizeArray(array, shape?.Kind == JsonTypeInfoKind.Enumerable ? shape.Element : null, listKeys, isSet),
            _ => node.DeepClone(),
        };

    private static JsonObject? CanonicalizeObject(JsonObject obj, Shape? shape)
    {
        var isMap = shape?.Kind == JsonTypeInfoKind.Dictionary;
        var valueShape = isMap ? shape!.Element : null;
        var members = !isMap && shape?.Kind == JsonTypeInfoKind.Object ? shape.Members : null;
        var result = new JsonObject();
        foreach (var (name, value) in SortedByName(obj))
        {
            JsonNode? canonical;
            if (isMap)
            {
                canonical = Canonicalize(value, valueShape, null, false);
            }
            else if (members is not null && members.TryGetValue(name, out var member))
            {
                canonical = Canonicalize(value, member.Shape, member.ListKeys, member.IsSet);
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

    // Member names of one object are distinct, so an unstable sort orders them exactly as a stable one would.
    private static KeyValuePair<string, JsonNode?>[] SortedByName(JsonObject obj)
    {
        var members = new KeyValuePair<string, JsonNode?>[obj.Count];
        var i = 0;
        foreach (var member in obj)
            members[i++] = member;
        Array.Sort(members, static (a, b) => string.CompareOrdinal(a.Key, b.Key));
        return members;
    }

    private static Shape ShapeOf(JsonTypeInfo typeInfo) => Shapes.GetValue(typeInfo, static info => new Shape(info));

    /// <summary>
    /// What the walk reads of one contract, resolved once per contract rather than per value: its member table (with
    /// the list markers: attribute reads through the Native AOT type loader were a tenth of the operator's CPU while
    /// it registered task definitions), each member's contract, and the element contract of a list or map (each a
    /// lookup in the serializer options' cache per value before).
    /// </summary>
    private sealed class Shape
    {
        private readonly JsonTypeInfo _info;
        private Dictionary<string, Member>? _members;

        public Shape(JsonTypeInfo info)
        {
            _info = info;
            // Element types nest finitely (a list of lists ends), so resolving them now cannot recurse forever.
            Element = info.Kind is JsonTypeInfoKind.Enumerable or JsonTypeInfoKind.Dictionary && info.ElementType is { } elementType
                ? ShapeOf(InfoOf(elementType, info))
                : null;
        }

        public JsonTypeInfoKind Kind => _info.Kind;

        /// <summary>The element (list) or value (map) shape.</summary>
        public Shape? Element { get; }

        /// <summary>The members by wire name; read on first use (member types may refer back to this one).</summary>
        public Dictionary<string, Member> Members => _members ??= ReadMembers(_info);

        private static Dictionary<string, Member> ReadMembers(JsonTypeInfo info)
        {
            var members = new Dictionary<string, Member>(StringComparer.Ordinal);
            foreach (var property in info.Properties)
            {
                var attributes = property.AttributeProvider;
                var listKeys = attributes?.GetCustomAttributes(typeof(ListKeyAttribute), inherit: true).OfType<ListKeyAttribute>().FirstOrDefault()?.Keys;
                var isSet = attributes?.IsDefined(typeof(SetListAttribute), inherit: true) == true;
                members.TryAdd(property.Name, new Member(property.PropertyType, info, listKeys, isSet));
            }

            return members;
        }
    }

    private sealed class Member(Type type, JsonTypeInfo owner, IReadOnlyList<string>? listKeys, bool isSet)
    {
        private Shape? _shape;

        public IReadOnlyList<string>? ListKeys => listKeys;

        public bool IsSet => isSet;

        /// <summary>The member's own shape, resolved on first use (a race resolves the same one twice).</summary>
        public Shape Shape => _shape ??= ShapeOf(InfoOf(type, owner));
    }

    private static JsonArray? CanonicalizeArray(JsonArray array, Shape? elementShape, IReadOnlyList<string>? listKeys, bool isSet)
    {
        var items = new List<JsonNode?>(array.Count);
        foreach (var item in array)
            items.Add(Canonicalize(item, elementShape, null, false));
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
