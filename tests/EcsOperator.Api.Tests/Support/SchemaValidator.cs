using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace EcsOperator.Api.Tests.Support;

/// <summary>
/// Validates an object against a CRD's openAPIV3Schema the way the API server does for what our schemas use:
/// defaults are applied first, then types, enums, bounds, patterns, required fields, list-map key uniqueness and the
/// CEL rules. Unknown fields are errors (the API server would prune them silently, which hides typos in examples).
/// </summary>
internal static class SchemaValidator
{
    public static IReadOnlyList<string> Validate(JsonNode instance, JsonObject schema)
    {
        var errors = new List<string>();
        Check(instance, schema, "", errors);
        return errors;
    }

    /// <summary>Returns a copy of the instance with schema defaults applied (as the API server stores it).</summary>
    public static JsonNode WithDefaults(JsonNode instance, JsonObject schema)
    {
        var copy = instance.DeepClone();
        ApplyDefaults(copy, schema);
        return copy;
    }

    private static void ApplyDefaults(JsonNode? node, JsonObject schema)
    {
        if (node is JsonObject obj && schema["properties"] is JsonObject properties)
        {
            foreach (var (name, propertySchema) in properties)
            {
                if (!obj.ContainsKey(name) && propertySchema!["default"] is { } defaultValue)
                {
                    obj[name] = defaultValue.DeepClone();
                }

                if (obj[name] is { } child)
                {
                    ApplyDefaults(child, (JsonObject)propertySchema!);
                }
            }
        }
        else if (node is JsonArray array && schema["items"] is JsonObject items)
        {
            foreach (var item in array)
            {
                ApplyDefaults(item, items);
            }
        }
    }

    private static void Check(JsonNode? node, JsonObject schema, string path, List<string> errors)
    {
        var where = path.Length == 0 ? "<root>" : path;
        if (node is null)
        {
            errors.Add($"{where}: null is not allowed");
            return;
        }

        var type = schema["type"]?.GetValue<string>();
        var kind = node.GetValueKind();
        var typeOk = type switch
        {
            "object" => kind == JsonValueKind.Object,
            "array" => kind == JsonValueKind.Array,
            "string" => kind == JsonValueKind.String,
            "boolean" => kind is JsonValueKind.True or JsonValueKind.False,
            "integer" => kind == JsonValueKind.Number && Number(node) == Math.Floor(Number(node)),
            "number" => kind == JsonValueKind.Number,
            null => true,
            _ => false,
        };
        if (!typeOk)
        {
            errors.Add($"{where}: expected {type}, got {kind}");
            return;
        }

        if (schema["enum"] is JsonArray allowed && !allowed.Any(a => JsonNode.DeepEquals(a, node)))
        {
            errors.Add($"{where}: '{node}' is not one of [{string.Join(", ", allowed)}]");
        }

        switch (node)
        {
            case JsonValue value when kind == JsonValueKind.String:
                var text = value.GetValue<string>();
                if (schema["maxLength"] is { } maxLength && text.Length > (int)Number(maxLength))
                {
                    errors.Add($"{where}: longer than {maxLength}");
                }

                if (schema["minLength"] is { } minLength && text.Length < (int)Number(minLength))
                {
                    errors.Add($"{where}: shorter than {minLength}");
                }

                if (schema["pattern"] is { } pattern && !Regex.IsMatch(text, pattern.GetValue<string>()))
                {
                    errors.Add($"{where}: '{text}' does not match {pattern}");
                }

                if (schema["format"]?.GetValue<string>() == "date-time" && !DateTimeOffset.TryParse(text, out _))
                {
                    errors.Add($"{where}: '{text}' is not a date-time");
                }

                break;
            case JsonValue value when kind == JsonValueKind.Number:
                var number = Number(value);
                if (schema["minimum"] is { } minimum && number < Number(minimum))
                {
                    errors.Add($"{where}: {number} is below the minimum {minimum}");
                }

                if (schema["maximum"] is { } maximum && number > Number(maximum))
                {
                    errors.Add($"{where}: {number} is above the maximum {maximum}");
                }

                break;
            case JsonArray array:
                if (schema["maxItems"] is { } maxItems && array.Count > (int)Number(maxItems))
                {
                    errors.Add($"{where}: more than {maxItems} items");
                }

                if (schema["minItems"] is { } minItems && array.Count < (int)Number(minItems))
                {
                    errors.Add($"{where}: fewer than {minItems} items");
                }

                for (var i = 0; i < array.Count; i++)
                {
                    Check(array[i], (JsonObject)schema["items"]!, $"{path}[{i}]", errors);
                }

                CheckListType(array, schema, where, errors);
                break;
            case JsonObject obj:
                if (schema["maxProperties"] is { } maxProperties && obj.Count > (int)Number(maxProperties))
                {
                    errors.Add($"{where}: more than {maxProperties} properties");
                }

                if (schema["properties"] is JsonObject properties)
                {
                    foreach (var (name, child) in obj)
                    {
                        if (properties[name] is JsonObject childSchema)
                        {
                            Check(child, childSchema, $"{path}.{name}", errors);
                        }
                        else
                        {
                            errors.Add($"{where}: unknown field '{name}'");
                        }
                    }
                }
                else if (schema["additionalProperties"] is JsonObject valueSchema)
                {
                    foreach (var (name, child) in obj)
                    {
                        Check(child, valueSchema, $"{path}.{name}", errors);
                    }
                }
                else if (schema["x-kubernetes-preserve-unknown-fields"] is null && obj.Count > 0 && path.Length > 0 && path != ".metadata")
                {
                    errors.Add($"{where}: object accepts no fields");
                }

                foreach (var required in (schema["required"] as JsonArray ?? []).Select(r => r!.GetValue<string>()))
                {
                    if (!obj.ContainsKey(required))
                    {
                        errors.Add($"{where}: missing required field '{required}'");
                    }
                }

                break;
        }

        foreach (var validation in schema["x-kubernetes-validations"] as JsonArray ?? [])
        {
            var rule = validation!["rule"]!.GetValue<string>();
            try
            {
                if (Cel.Parse(rule).Evaluate(node) is not true)
                {
                    errors.Add($"{where}: {validation["message"]}");
                }
            }
            catch (CelException e)
            {
                errors.Add($"{where}: rule error ({e.Message}): {validation["message"]}");
            }
        }
    }

    // Nodes built in memory keep their CLR type (int, long); parsed ones are JsonElements: read both via text.
    private static double Number(JsonNode node) =>
        double.Parse(node.ToJsonString(), System.Globalization.CultureInfo.InvariantCulture);

    private static void CheckListType(JsonArray array, JsonObject schema, string where, List<string> errors)
    {
        switch (schema["x-kubernetes-list-type"]?.GetValue<string>())
        {
            case "set":
                if (array.Select(i => i!.ToJsonString()).Distinct(StringComparer.Ordinal).Count() != array.Count)
                {
                    errors.Add($"{where}: duplicate items in a set");
                }

                break;
            case "map":
                var keys = ((JsonArray)schema["x-kubernetes-list-map-keys"]!).Select(k => k!.GetValue<string>()).ToList();
                var identities = array.Select(item => string.Join('\0', keys.Select(k => item?[k]?.ToJsonString() ?? ""))).ToList();
                if (identities.Distinct(StringComparer.Ordinal).Count() != identities.Count)
                {
                    errors.Add($"{where}: duplicate entries for key(s) {string.Join(", ", keys)}");
                }

                break;
        }
    }
}
