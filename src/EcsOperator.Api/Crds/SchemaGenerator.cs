using System.Collections;
using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using EcsOperator.Aws.Model;
using EcsOperator.Kubernetes.Model;

namespace EcsOperator.Api.Crds;

/// <summary>
/// Builds a structural OpenAPI v3 schema (as accepted by <c>apiextensions.k8s.io/v1</c>) from our C# types, so the
/// CRD and the serializer can never disagree. Property names follow the serializer (<see cref="JsonPropertyNameAttribute"/>
/// or camelCase); descriptions come from XML docs; constraints from DataAnnotations and our list/CEL attributes, and
/// every user-written string, list and map not bounded by an attribute gets a bound from <see cref="InputBounds"/>.
/// </summary>
public sealed class SchemaGenerator(XmlDocumentation docs, JsonNamingPolicy? naming = null)
{
    private readonly JsonNamingPolicy naming = naming ?? JsonNamingPolicy.CamelCase;
    private readonly Stack<Type> path = new();

    /// <summary>The JSON name the serializer uses for a property.</summary>
    public string JsonName(PropertyInfo property)
    {
        ArgumentNullException.ThrowIfNull(property);
        return property.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? naming.ConvertName(property.Name);
    }

    /// <summary>The properties the serializer writes for a type: public, readable, not ignored, not indexers.</summary>
    public static IEnumerable<PropertyInfo> SerializedProperties(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        return type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetMethod is { IsPublic: true } && p.GetIndexParameters().Length == 0)
            .Where(p => p.GetCustomAttribute<JsonIgnoreAttribute>() is not { Condition: JsonIgnoreCondition.Always });
    }

    /// <summary>The schema of a whole object of the given type (the CRD's <c>openAPIV3Schema</c> for a kind).</summary>
    public JsonObject ForType(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        var schema = SchemaFor(type, type.Name);
        if (docs.ForType(type) is { } description)
        {
            schema.Insert(0, "description", description);
        }

        return schema;
    }

    private JsonObject SchemaFor(Type type, string where)
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
            return new JsonObject { ["type"] = "string", ["enum"] = new JsonArray([.. EnumNames(t).Select(n => (JsonNode)n!)]) };
        }

        if (t == typeof(JsonElement) || t == typeof(JsonNode) || t == typeof(object))
        {
            return new JsonObject { ["x-kubernetes-preserve-unknown-fields"] = true };
        }

        if (t == typeof(JsonObject))
        {
            return new JsonObject { ["type"] = "object", ["x-kubernetes-preserve-unknown-fields"] = true };
        }

        if (DictionaryValueType(t) is { } valueType)
        {
            return new JsonObject { ["type"] = "object", ["additionalProperties"] = SchemaFor(valueType, where + "{}") };
        }

        if (ElementType(t) is { } elementType)
        {
            return new JsonObject { ["type"] = "array", ["items"] = SchemaFor(elementType, where + "[]") };
        }

        if (t == typeof(ObjectMeta))
        {
            // The API server owns metadata's schema; a CRD may not describe more than name/generateName.
            return new JsonObject { ["type"] = "object" };
        }

        if (t.IsPrimitive || t.IsValueType)
        {
            throw new NotSupportedException($"{where}: no OpenAPI mapping for {t}.");
        }

        return ObjectSchema(t, where);
    }

    private JsonObject ObjectSchema(Type type, string where)
    {
        if (path.Contains(type))
        {
            throw new NotSupportedException($"{where}: {type.Name} is recursive; structural schemas cannot express that.");
        }

        path.Push(type);
        try
        {
            var properties = new JsonObject();
            var required = new List<string>();
            foreach (var property in SerializedProperties(type).OrderBy(JsonName, StringComparer.Ordinal))
            {
                var name = JsonName(property);
                properties[name] = PropertySchema(property, where + "." + name);
                if (property.GetCustomAttribute<RequiredAttribute>() is not null
                    || property.GetCustomAttribute<RequiredMemberAttribute>() is not null)
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

    private JsonObject PropertySchema(PropertyInfo property, string where)
    {
        var schema = SchemaFor(property.PropertyType, where);
        var t = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
        var isArray = schema["type"]?.GetValue<string>() == "array";
        var isMap = schema["type"]?.GetValue<string>() == "object" && schema.ContainsKey("additionalProperties");
        var scalarTarget = isArray ? (JsonObject)schema["items"]! : schema;

        var description = docs.ForProperty(property);
        var elementType = isArray ? ElementType(t)! : t;
        if (description is null && !IsScalar(elementType))
        {
            description = docs.ForType(elementType);
        }

        // The API server owns metadata's schema and rejects anything beyond name/generateName constraints.
        if (description is not null && t != typeof(ObjectMeta))
        {
            if (elementType.IsEnum && EnumValueDocs(elementType) is { } values)
            {
                description += "\n" + values;
            }

            schema.Insert(0, "description", description);
        }

        if (property.GetCustomAttribute<AllowedValuesAttribute>() is { } allowed)
        {
            scalarTarget["enum"] = new JsonArray([.. allowed.Values.Select(v => JsonValueOf(v, where))]);
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
        if (property.GetCustomAttribute<LengthAttribute>() is { } length)
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

        if (property.GetCustomAttribute<MinLengthAttribute>() is { } minLength)
        {
            schema[minKey] = minLength.Length;
        }

        if (property.GetCustomAttribute<MaxLengthAttribute>() is { } maxLength)
        {
            schema[maxKey] = maxLength.Length;
        }

        if (property.GetCustomAttribute<DefaultValueAttribute>() is { } defaultValue)
        {
            schema["default"] = JsonValueOf(defaultValue.Value, where);
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
                required.Add(key);
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
            validations.Add(new JsonObject { ["rule"] = rule.Rule, ["message"] = rule.Message });
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

    private string? EnumValueDocs(Type enumType)
    {
        var lines = enumType.GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(f => (Name: EnumName(f), Doc: docs.ForField(f)))
            .Where(x => x.Doc is not null)
            .Select(x => $"- {x.Name}: {x.Doc}")
            .ToList();
        return lines.Count == 0 ? null : string.Join('\n', lines);
    }

    private static IEnumerable<string> EnumNames(Type enumType) =>
        enumType.GetFields(BindingFlags.Public | BindingFlags.Static).Select(EnumName);

    private static string EnumName(FieldInfo field) =>
        field.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()?.Name ?? field.Name;

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

    private static JsonNode JsonValueOf(object? value, string where) => value switch
    {
        null => throw new NotSupportedException($"{where}: a null default or allowed value cannot be expressed."),
        string s => JsonValue.Create(s),
        bool b => JsonValue.Create(b),
        int i => JsonValue.Create(i),
        long l => JsonValue.Create(l),
        double d => JsonValue.Create(d),
        Enum e => JsonValue.Create(EnumName(e.GetType().GetField(e.ToString())!)),
        _ => throw new NotSupportedException($"{where}: unsupported constant {value} ({value.GetType().Name})."),
    };

    /// <summary>The element type of a list-like type (never string), or null.</summary>
    public static Type? ElementType(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        if (type == typeof(string) || !typeof(IEnumerable).IsAssignableFrom(type))
        {
            return null;
        }

        if (type.IsArray)
        {
            return type.GetElementType();
        }

        var enumerable = type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IEnumerable<>)
            ? type
            : type.GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>));
        return enumerable?.GetGenericArguments()[0];
    }

    /// <summary>The value type of a string-keyed dictionary type, or null.</summary>
    public static Type? DictionaryValueType(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        var candidates = type.IsInterface ? type.GetInterfaces().Append(type) : type.GetInterfaces();
        foreach (var candidate in candidates)
        {
            if (candidate.IsGenericType
                && (candidate.GetGenericTypeDefinition() == typeof(IReadOnlyDictionary<,>)
                    || candidate.GetGenericTypeDefinition() == typeof(IDictionary<,>)))
            {
                var arguments = candidate.GetGenericArguments();
                if (arguments[0] != typeof(string))
                {
                    throw new NotSupportedException($"{type}: only string-keyed maps exist in JSON.");
                }

                return arguments[1];
            }
        }

        return null;
    }
}
