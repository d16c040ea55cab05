using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using EcsOperator.Aws.Model;
using EcsOperator.Kubernetes.Model;

namespace EcsOperator.Api.Crds;

/// <summary>
/// Builds a structural OpenAPI v3 schema (as accepted by <c>apiextensions.k8s.io/v1</c>) from the serializer's own
/// contract, so the CRD and the serializer can never disagree. Types, members and their names come from the
/// source-generated <see cref="JsonTypeInfo"/> (no reflection over types, so trimming and Native AOT keep everything
/// it reads); descriptions come from XML docs; constraints from the attributes on each member (DataAnnotations, our
/// length, list and CEL attributes), and every user-written string, list and map not bounded by an attribute gets a
/// bound from <see cref="InputBounds"/>.
/// </summary>
public sealed class SchemaGenerator(XmlDocumentation docs)
{
    private readonly Stack<Type> path = new();

    /// <summary>The schema of a whole object of the given type (the CRD's <c>openAPIV3Schema</c> for a kind).</summary>
    public JsonObject ForType(JsonTypeInfo typeInfo)
    {
        ArgumentNullException.ThrowIfNull(typeInfo);
        var schema = SchemaFor(typeInfo.Type, typeInfo.Options, typeInfo.Type.Name);
        if (docs.ForType(typeInfo.Type) is { } description)
        {
            schema.Insert(0, "description", description);
        }

        return schema;
    }

    /// <summary>
    /// The member behind a serialized property, for its attributes and documentation. Source-generated metadata
    /// supplies it (and keeps it through trimming); a property without one (a custom contract) cannot be described.
    /// </summary>
    private static PropertyInfo MemberOf(JsonPropertyInfo property, string where) =>
        property.AttributeProvider as PropertyInfo
        ?? throw new NotSupportedException($"{where}: the serializer's metadata names no C# property for '{property.Name}'.");

    private JsonObject SchemaFor(Type type, JsonSerializerOptions options, string where)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        if (t == typeof(string))
        {
            return new JsonObject { ["type"] = "string" };
        }

        if (t == typeof(bool))
        {
            return new JsonObject { ["type"] = "boolean" };
        }

        if (t == typeof(int) || t == typeof(short) || t == typeof(byte))
        {
            return new JsonObject { ["type"] = "integer", ["format"] = "int32" };
        }

        if (t == typeof(long) || t == typeof(uint))
        {
            return new JsonObject { ["type"] = "integer", ["format"] = "int64" };
        }

        if (t == typeof(double) || t == typeof(decimal))
        {
            return new JsonObject { ["type"] = "number", ["format"] = "double" };
        }

        if (t == typeof(float))
        {
            return new JsonObject { ["type"] = "number", ["format"] = "float" };
        }

        if (t == typeof(DateTimeOffset) || t == typeof(DateTime))
        {
            return new JsonObject { ["type"] = "string", ["format"] = "date-time" };
        }

        if (t.IsEnum)
        {
            return new JsonObject { ["type"] = "string", ["enum"] = new JsonArray([.. EnumMembers(t, options).Select(m => (JsonNode)m.WireName!)]) };
        }

        if (t == typeof(JsonElement) || t == typeof(JsonNode) || t == typeof(object))
        {
            return new JsonObject { ["x-kubernetes-preserve-unknown-fields"] = true };
        }

        if (t == typeof(JsonObject))
        {
            return new JsonObject { ["type"] = "object", ["x-kubernetes-preserve-unknown-fields"] = true };
        }

        var info = options.GetTypeInfo(t);
        if (info.Kind == JsonTypeInfoKind.Dictionary)
        {
            if (info.KeyType != typeof(string))
            {
                throw new NotSupportedException($"{t}: only string-keyed maps exist in JSON.");
            }

            return new JsonObject { ["type"] = "object", ["additionalProperties"] = SchemaFor(info.ElementType!, options, where + "{}") };
        }

        if (info.Kind == JsonTypeInfoKind.Enumerable)
        {
            return new JsonObject { ["type"] = "array", ["items"] = SchemaFor(info.ElementType!, options, where + "[]") };
        }

        if (t == typeof(ObjectMeta))
        {
            // The API server owns metadata's schema; a CRD may not describe more than name/generateName.
            return new JsonObject { ["type"] = "object" };
        }

        if (t.IsPrimitive || t.IsValueType || info.Kind != JsonTypeInfoKind.Object)
        {
            throw new NotSupportedException($"{where}: no OpenAPI mapping for {t}.");
        }

        return ObjectSchema(info, where);
    }

    private JsonObject ObjectSchema(JsonTypeInfo info, string where)
    {
        var type = info.Type;
        if (path.Contains(type))
        {
            throw new NotSupportedException($"{where}: {type.Name} is recursive; structural schemas cannot express that.");
        }

        path.Push(type);
        try
        {
            var properties = new JsonObject();
            var required = new List<string>();
            foreach (var property in info.Properties.Where(p => p.Get is not null).OrderBy(p => p.Name, StringComparer.Ordinal))
            {
                var name = property.Name;
                var member = MemberOf(property, where + "." + name);
                properties[name] = PropertySchema(member, info.Options, where + "." + name);
                if (member.GetCustomAttribute<RequiredAttribute>() is not null
                    || member.GetCustomAttribute<RequiredMemberAttribute>() is not null)
                {
                    required.Add(name);
                }
            }

            var schema = new JsonObject { ["type"] = "object" };
            if (properties.Count > 0)
            {
                schema["properties"] = properties;
            }

            if (required.Count > 0)
            {
                schema["required"] = new JsonArray([.. required.Select(r => (JsonNode)r!)]);
            }

            AddRules(schema, type.GetCustomAttributes<CelRuleAttribute>(inherit: true));
            return schema;
        }
        finally
        {
            path.Pop();
        }
    }

    private JsonObject PropertySchema(PropertyInfo property, JsonSerializerOptions options, string where)
    {
        var schema = SchemaFor(property.PropertyType, options, where);
        var t = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
        var isArray = schema["type"]?.GetValue<string>() == "array";
        var isMap = schema["type"]?.GetValue<string>() == "object" && schema.ContainsKey("additionalProperties");
        var scalarTarget = isArray ? (JsonObject)schema["items"]! : schema;

        var description = docs.ForProperty(property);
        var elementType = isArray ? options.GetTypeInfo(t).ElementType! : t;
        if (description is null && !IsScalar(elementType))
        {
            description = docs.ForType(elementType);
        }

        // The API server owns metadata's schema and rejects anything beyond name/generateName constraints.
        if (description is not null && t != typeof(ObjectMeta))
        {
            if (elementType.IsEnum && EnumValueDocs(elementType, options) is { } values)
            {
                description += "\n" + values;
            }

            schema.Insert(0, "description", description);
        }

        if (property.GetCustomAttribute<AllowedValuesAttribute>() is { } allowed)
        {
            scalarTarget["enum"] = new JsonArray([.. allowed.Values.Select(v => JsonValueOf(v, options, where))]);
        }

        if (property.GetCustomAttribute<RegularExpressionAttribute>() is { } regex)
        {
            scalarTarget["pattern"] = regex.Pattern;
        }

        if (property.GetCustomAttribute<RangeAttribute>() is { } range)
        {
            scalarTarget["minimum"] = Number(range.Minimum, where);
            scalarTarget["maximum"] = Number(range.Maximum, where);
            if (range.MinimumIsExclusive)
            {
                scalarTarget["exclusiveMinimum"] = true;
            }

            if (range.MaximumIsExclusive)
            {
                scalarTarget["exclusiveMaximum"] = true;
            }
        }

        var (minKey, maxKey) = isArray ? ("minItems", "maxItems") : isMap ? ("minProperties", "maxProperties") : ("minLength", "maxLength");
        if (property.GetCustomAttribute<SchemaLengthAttribute>() is { } length)
        {
            schema[minKey] = length.MinimumLength;
            schema[maxKey] = length.MaximumLength;
        }

        if (property.GetCustomAttribute<StringLengthAttribute>() is { } stringLength)
        {
            scalarTarget["maxLength"] = stringLength.MaximumLength;
            if (stringLength.MinimumLength > 0)
            {
                scalarTarget["minLength"] = stringLength.MinimumLength;
            }
        }

        if (property.GetCustomAttribute<SchemaMinLengthAttribute>() is { } minLength)
        {
            schema[minKey] = minLength.Length;
        }

        if (property.GetCustomAttribute<SchemaMaxLengthAttribute>() is { } maxLength)
        {
            schema[maxKey] = maxLength.Length;
        }

        if (property.GetCustomAttribute<DefaultValueAttribute>() is { } defaultValue)
        {
            schema["default"] = JsonValueOf(defaultValue.Value, options, where);
        }

        if (property.GetCustomAttribute<ListKeyAttribute>() is { } listKey)
        {
            ApplyListMap(schema, listKey.Keys, isArray, where);
        }

        if (property.GetCustomAttribute<SetListAttribute>() is not null)
        {
            if (!isArray || IsObjectOrArray(scalarTarget))
            {
                throw new NotSupportedException($"{where}: [SetList] needs a list of scalars.");
            }

            schema["x-kubernetes-list-type"] = "set";
        }

        // An enum bounds the length too; saying so lets CEL rules compare the value within the cost budget.
        if (scalarTarget["enum"] is JsonArray enumValues && scalarTarget["type"]?.GetValue<string>() == "string"
            && !scalarTarget.ContainsKey("maxLength"))
        {
            scalarTarget["maxLength"] = enumValues.Max(v => v!.GetValue<string>().Length);
        }

        if (IsUserInput(where))
        {
            InputBounds.Apply(schema, where);
        }

        AddRules(schema, property.GetCustomAttributes<CelRuleAttribute>(inherit: true));
        return schema;
    }

    /// <summary>
    /// Whether users write this field: everything but the status (written by the operator alone; a bound there would
    /// turn an over-long AWS message into a failed status write) and the root apiVersion/kind (checked by the API server).
    /// </summary>
    private static bool IsUserInput(string where)
    {
        var segments = where.Split('.');
        return !(segments.Length > 1 && segments[1] is "status" or "apiVersion" or "kind");
    }

    private static void ApplyListMap(JsonObject schema, IReadOnlyList<string> keys, bool isArray, string where)
    {
        if (!isArray || schema["items"] is not JsonObject { } items || items["properties"] is not JsonObject properties)
        {
            throw new NotSupportedException($"{where}: [ListKey] needs a list of objects.");
        }

        if (keys.Count == 0)
        {
            throw new NotSupportedException($"{where}: [ListKey] needs at least one key.");
        }

        if (items["required"] is not JsonArray required)
        {
            required = [];
            items["required"] = required;
        }

        var names = new List<string>();
        foreach (var wireKey in keys)
        {
            // Keys are wire names, which are PascalCase for Application Auto Scaling shapes; our schema is camelCase.
            var key = properties.Select(p => p.Key).FirstOrDefault(k => string.Equals(k, wireKey, StringComparison.OrdinalIgnoreCase));
            if (key is null || properties[key] is not JsonObject keySchema || IsObjectOrArray(keySchema))
            {
                throw new NotSupportedException($"{where}: list-map key '{wireKey}' is not a scalar property of the items.");
            }

            names.Add(key);

            // Kubernetes requires every map key to be required or defaulted; an item without its key has no identity.
            if (!keySchema.ContainsKey("default") && !required.Any(r => r?.GetValue<string>() == key))
            {
                required.Add((JsonNode)key);
            }
        }

        schema["x-kubernetes-list-type"] = "map";
        schema["x-kubernetes-list-map-keys"] = new JsonArray([.. names.Select(k => (JsonNode)k!)]);
    }

    private static void AddRules(JsonObject schema, IEnumerable<CelRuleAttribute> rules)
    {
        var list = rules.ToList();
        if (list.Count == 0)
        {
            return;
        }

        var validations = new JsonArray();
        foreach (var rule in list)
        {
            validations.Add((JsonNode)new JsonObject { ["rule"] = rule.Rule, ["message"] = rule.Message });
        }

        schema["x-kubernetes-validations"] = validations;
    }

    private static bool IsObjectOrArray(JsonObject schema) =>
        schema["type"]?.GetValue<string>() is "object" or "array";

    private static bool IsScalar(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        return t.IsPrimitive || t.IsEnum || t == typeof(string) || t == typeof(decimal) || t == typeof(DateTimeOffset)
            || t == typeof(DateTime);
    }

    private string? EnumValueDocs(Type enumType, JsonSerializerOptions options)
    {
        var lines = EnumMembers(enumType, options)
            .Select(m => (Name: m.WireName, Doc: docs.ForEnumMember(enumType, m.FieldName)))
            .Where(x => x.Doc is not null)
            .Select(x => $"- {x.Name}: {x.Doc}")
            .ToList();
        return lines.Count == 0 ? null : string.Join('\n', lines);
    }

    /// <summary>
    /// An enum's members as declared (C# name) and as the serializer writes them, asked of the serializer itself so
    /// that <see cref="JsonStringEnumMemberNameAttribute"/> and converters are honoured without reflecting on fields.
    /// </summary>
    private static IEnumerable<(string FieldName, string WireName)> EnumMembers(Type enumType, JsonSerializerOptions options)
    {
        var info = options.GetTypeInfo(enumType);
        return Enum.GetNames(enumType).Select(name => (name, WireName(Enum.Parse(enumType, name), info)));
    }

    private static string WireName(object enumValue, JsonTypeInfo info) =>
        JsonSerializer.SerializeToNode(enumValue, info) is JsonValue value && value.TryGetValue<string>(out var name)
            ? name
            : throw new NotSupportedException($"{info.Type.Name} is not serialized as a string; give it a JsonStringEnumConverter.");

    private static JsonNode Number(object value, string where) => value switch
    {
        int i => JsonValue.Create(i),
        long l => JsonValue.Create(l),
        double d when d == Math.Floor(d) && Math.Abs(d) < 1e15 => JsonValue.Create((long)d),
        double d => JsonValue.Create(d),
        string s when long.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var l) => JsonValue.Create(l),
        string s when double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => JsonValue.Create(d),
        _ => throw new NotSupportedException($"{where}: unsupported range bound {value}."),
    };

    private static JsonNode JsonValueOf(object? value, JsonSerializerOptions options, string where) => value switch
    {
        null => throw new NotSupportedException($"{where}: a null default or allowed value cannot be expressed."),
        string s => JsonValue.Create(s),
        bool b => JsonValue.Create(b),
        int i => JsonValue.Create(i),
        long l => JsonValue.Create(l),
        double d => JsonValue.Create(d),
        Enum e => JsonValue.Create(WireName(e, options.GetTypeInfo(e.GetType()))),
        _ => throw new NotSupportedException($"{where}: unsupported constant {value} ({value.GetType().Name})."),
    };
}
