using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace EcsOperator.KubeApiServer;

/// <summary>
/// What kube-apiserver does with a structural openAPIV3Schema on every write of a custom resource: prune unknown
/// fields, drop non-nullable nulls, apply defaults (nested and in array items), then validate. CEL rules,
/// formats, allOf/anyOf/oneOf/not and list-type uniqueness are not evaluated.
/// </summary>
public static class StructuralSchema
{
    private static readonly HashSet<string> RootSystemFields = ["apiVersion", "kind", "metadata"];

    /// <summary>Prunes, defaults and validates <paramref name="obj"/> in place; returns the validation errors.</summary>
    /// <param name="obj">The object.</param>
    /// <param name="schema">Its openAPIV3Schema.</param>
    /// <param name="pruned">Receives the paths of the fields pruning removed, when given.</param>
    public static List<FieldError> Process(JsonObject obj, JsonObject schema, List<string>? pruned = null)
    {
        ArgumentNullException.ThrowIfNull(obj);
        ArgumentNullException.ThrowIfNull(schema);
        Prune(obj, schema, string.Empty, pruned ?? [], root: true);
        Default(obj, schema, root: true);
        var errors = new List<FieldError>();
        Validate(obj, schema, string.Empty, errors, root: true);
        return errors;
    }

    private static bool Flag(JsonObject schema, string name) =>
        schema[name] is JsonValue v && v.TryGetValue<bool>(out var b) && b;

    private static void Prune(JsonNode? node, JsonObject schema, string path, List<string> pruned, bool root = false)
    {
        switch (node)
        {
            case JsonObject obj:
            {
                var properties = schema["properties"] as JsonObject;
                var additional = schema["additionalProperties"];
                var preserve = Flag(schema, "x-kubernetes-preserve-unknown-fields");
                foreach (var key in obj.Select(p => p.Key).ToList())
                {
                    if (root && RootSystemFields.Contains(key))
                    {
                        continue;
                    }

                    if (properties?[key] is JsonObject propertySchema)
                    {
                        Prune(obj[key], propertySchema, Child(path, key), pruned);
                    }
                    else if (additional is JsonObject additionalSchema)
                    {
                        Prune(obj[key], additionalSchema, Child(path, key), pruned);
                    }
                    else if (!preserve && !(additional is JsonValue a && a.TryGetValue<bool>(out var allowed) && allowed))
                    {
                        obj.Remove(key);
                        pruned.Add(Child(path, key));
                    }
                }

                break;
            }

            case JsonArray array when schema["items"] is JsonObject itemSchema:
                for (var i = 0; i < array.Count; i++)
                {
                    Prune(array[i], itemSchema, $"{path}[{i}]", pruned);
                }

                break;
        }
    }

    private static void Default(JsonNode? node, JsonObject schema, bool root = false)
    {
        switch (node)
        {
            case JsonObject obj:
            {
                if (schema["properties"] is JsonObject properties)
                {
                    foreach (var (name, propertyNode) in properties)
                    {
                        if ((root && RootSystemFields.Contains(name)) || propertyNode is not JsonObject propertySchema)
                        {
                            continue;
                        }

                        // kube drops nulls of non-nullable fields before defaulting, so a null gets the default.
                        if (obj.TryGetPropertyValue(name, out var value) && value is null && !Flag(propertySchema, "nullable"))
                        {
                            obj.Remove(name);
                        }

                        if (!obj.ContainsKey(name) && propertySchema.TryGetPropertyValue("default", out var defaultValue))
                        {
                            obj[name] = defaultValue?.DeepClone();
                        }

                        if (obj.TryGetPropertyValue(name, out var child) && child is not null)
                        {
                            Default(child, propertySchema);
                        }
                    }
                }

                if (schema["additionalProperties"] is JsonObject additionalSchema)
                {
                    var known = schema["properties"] as JsonObject;
                    foreach (var (key, child) in obj.ToList())
                    {
                        if (known?.ContainsKey(key) != true && child is not null)
                        {
                            Default(child, additionalSchema);
                        }
                    }
                }

                break;
            }

            case JsonArray array when schema["items"] is JsonObject itemSchema:
                foreach (var item in array)
                {
                    Default(item, itemSchema);
                }

                break;
        }
    }

    private static string Child(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";

    private static string TypeName(JsonNode? node) => node?.GetValueKind() switch
    {
        null or JsonValueKind.Null => "null",
        JsonValueKind.Object => "object",
        JsonValueKind.Array => "array",
        JsonValueKind.String => "string",
        JsonValueKind.True or JsonValueKind.False => "boolean",
        JsonValueKind.Number => IsInteger(node!) ? "integer" : "number",
        _ => "unknown",
    };

    private static bool IsInteger(JsonNode node)
    {
        var d = JsonNumbers.ToDouble(node);
        return Math.Abs(d % 1) < double.Epsilon;
    }

    private static bool MatchesType(string type, string actual) => type switch
    {
        "number" => actual is "number" or "integer",
        _ => type == actual,
    };

    private static string Format(double d) => d.ToString(CultureInfo.InvariantCulture);

    private static double? Number(JsonObject schema, string name) =>
        schema[name] is JsonValue v && v.GetValueKind() == JsonValueKind.Number ? JsonNumbers.ToDouble(v) : null;

    private static void Validate(JsonNode? node, JsonObject schema, string path, List<FieldError> errors, bool root = false)
    {
        var type = (string?)(schema["type"] as JsonValue);
        var actual = TypeName(node);
        if (node is null)
        {
            if (!Flag(schema, "nullable") && type is not null)
            {
                errors.Add(new FieldError(FieldErrorType.TypeInvalid, path, "null", $"{path} in body must be of type {type}: \"null\""));
            }

            return;
        }

        if (Flag(schema, "x-kubernetes-int-or-string"))
        {
            if (actual is not ("integer" or "string"))
            {
                errors.Add(new FieldError(FieldErrorType.TypeInvalid, path, actual, $"{path} in body must be of type integer,string: \"{actual}\""));
                return;
            }
        }
        else if (type is not null && !MatchesType(type, actual))
        {
            errors.Add(new FieldError(FieldErrorType.TypeInvalid, path, actual, $"{path} in body must be of type {type}: \"{actual}\""));
            return;
        }

        if (schema["enum"] is JsonArray allowed && !allowed.Any(a => JsonNode.DeepEquals(a, node)))
        {
            errors.Add(new FieldError(FieldErrorType.NotSupported, path, node.DeepClone(),
                "supported values: " + string.Join(", ", allowed.Select(FieldError.Render))));
        }

        switch (actual)
        {
            case "integer" or "number":
                ValidateNumber(JsonNumbers.ToDouble(node), node, schema, path, errors);
                break;
            case "string":
                ValidateString(node.GetValue<string>(), schema, path, errors);
                break;
            case "array":
                ValidateArray((JsonArray)node, schema, path, errors);
                break;
            case "object":
                ValidateObject((JsonObject)node, schema, path, errors, root);
                break;
        }
    }

    private static void ValidateNumber(double value, JsonNode node, JsonObject schema, string path, List<FieldError> errors)
    {
        if (Number(schema, "minimum") is { } min)
        {
            var exclusive = Flag(schema, "exclusiveMinimum");
            if (exclusive ? value <= min : value < min)
            {
                errors.Add(new FieldError(FieldErrorType.Invalid, path, node.DeepClone(),
                    $"{path} in body should be greater than {(exclusive ? string.Empty : "or equal to ")}{Format(min)}"));
            }
        }

        if (Number(schema, "maximum") is { } max)
        {
            var exclusive = Flag(schema, "exclusiveMaximum");
            if (exclusive ? value >= max : value > max)
            {
                errors.Add(new FieldError(FieldErrorType.Invalid, path, node.DeepClone(),
                    $"{path} in body should be less than {(exclusive ? string.Empty : "or equal to ")}{Format(max)}"));
            }
        }

        if (Number(schema, "multipleOf") is { } factor && factor > 0 && Math.Abs(Math.IEEERemainder(value, factor)) > 1e-9)
        {
            errors.Add(new FieldError(FieldErrorType.Invalid, path, node.DeepClone(), $"{path} in body should be a multiple of {Format(factor)}"));
        }
    }

    private static void ValidateString(string value, JsonObject schema, string path, List<FieldError> errors)
    {
        var length = value.EnumerateRunes().Count();
        if (Number(schema, "minLength") is { } minLength && length < minLength)
        {
            errors.Add(new FieldError(FieldErrorType.Invalid, path, value, $"{path} in body should be at least {Format(minLength)} chars long"));
        }

        if (Number(schema, "maxLength") is { } maxLength && length > maxLength)
        {
            errors.Add(new FieldError(FieldErrorType.TooLong, path, value, $"may not be more than {Format(maxLength)} bytes"));
        }

        if ((string?)(schema["pattern"] as JsonValue) is { } pattern && !Regex.IsMatch(value, pattern, RegexOptions.None, TimeSpan.FromSeconds(1)))
        {
            errors.Add(new FieldError(FieldErrorType.Invalid, path, value, $"{path} in body should match '{pattern}'"));
        }
    }

    private static void ValidateArray(JsonArray array, JsonObject schema, string path, List<FieldError> errors)
    {
        if (Number(schema, "minItems") is { } minItems && array.Count < minItems)
        {
            errors.Add(new FieldError(FieldErrorType.Invalid, path, array.Count, $"{path} in body should have at least {Format(minItems)} items"));
        }

        if (Number(schema, "maxItems") is { } maxItems && array.Count > maxItems)
        {
            errors.Add(new FieldError(FieldErrorType.TooMany, path, array.Count, $"must have at most {Format(maxItems)} items"));
        }

        if (schema["items"] is JsonObject itemSchema)
        {
            for (var i = 0; i < array.Count; i++)
            {
                Validate(array[i], itemSchema, $"{path}[{i}]", errors);
            }
        }
    }

    private static void ValidateObject(JsonObject obj, JsonObject schema, string path, List<FieldError> errors, bool root)
    {
        if (schema["required"] is JsonArray required)
        {
            foreach (var name in required.Select(r => (string?)r).OfType<string>())
            {
                if (!obj.ContainsKey(name))
                {
                    errors.Add(new FieldError(FieldErrorType.Required, Child(path, name), null, string.Empty));
                }
            }
        }

        var count = obj.Count;
        if (Number(schema, "minProperties") is { } minProperties && count < minProperties)
        {
            errors.Add(new FieldError(FieldErrorType.Invalid, path, count, $"{path} in body should have at least {Format(minProperties)} properties"));
        }

        if (Number(schema, "maxProperties") is { } maxProperties && count > maxProperties)
        {
            errors.Add(new FieldError(FieldErrorType.TooMany, path, count, $"must have at most {Format(maxProperties)} items"));
        }

        var properties = schema["properties"] as JsonObject;
        foreach (var (key, value) in obj)
        {
            if (root && RootSystemFields.Contains(key))
            {
                continue;
            }

            if (properties?[key] is JsonObject propertySchema)
            {
                Validate(value, propertySchema, Child(path, key), errors);
            }
            else if (schema["additionalProperties"] is JsonObject additionalSchema)
            {
                Validate(value, additionalSchema, Child(path, key), errors);
            }
        }
    }
}
