using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace EcsOperator.KubeApiServer;

/// <summary>
/// One node of an openAPIV3Schema read once into what <see cref="StructuralSchema"/> asks of it on every write
/// (properties by name, flags, bounds, the compiled pattern), so a write walks the object, not the schema's JSON.
/// A schema value that cannot be read (a non-string <c>type</c>, say) throws when a write reaches it, as reading it
/// then would.
/// </summary>
internal sealed class CompiledSchema
{
    private static readonly HashSet<string> RootSystemFields = ["apiVersion", "kind", "metadata"];
    private static readonly ConditionalWeakTable<JsonObject, CompiledSchema> Cache = new();

    private readonly Dictionary<string, CompiledSchema> _properties = new(StringComparer.Ordinal);
    private readonly List<(string Name, CompiledSchema Schema)> _propertyOrder = [];
    private readonly HashSet<string> _propertyNames = new(StringComparer.Ordinal);
    private readonly CompiledSchema? _additional;
    private readonly bool _additionalAllowed;
    private readonly bool _preserveUnknown;
    private readonly CompiledSchema? _items;
    private readonly bool _nullable;
    private readonly bool _intOrString;
    private readonly string? _type;
    private readonly ExceptionDispatchInfo? _typeError;
    private readonly JsonArray? _enum;
    private readonly bool _hasDefault;
    private readonly JsonNode? _default;
    private readonly double? _minimum;
    private readonly double? _maximum;
    private readonly bool _exclusiveMinimum;
    private readonly bool _exclusiveMaximum;
    private readonly double? _multipleOf;
    private readonly double? _minLength;
    private readonly double? _maxLength;
    private readonly string? _pattern;
    private readonly ExceptionDispatchInfo? _patternError;
    private readonly Lazy<Regex>? _regex;
    private readonly double? _minItems;
    private readonly double? _maxItems;
    private readonly List<string>? _required;
    private readonly ExceptionDispatchInfo? _requiredError;
    private readonly double? _minProperties;
    private readonly double? _maxProperties;

    public CompiledSchema(JsonObject schema)
    {
        if (schema["properties"] is JsonObject properties)
        {
            foreach (var (name, property) in properties)
            {
                _propertyNames.Add(name);
                if (property is JsonObject propertySchema)
                {
                    var compiled = new CompiledSchema(propertySchema);
                    _properties[name] = compiled;
                    _propertyOrder.Add((name, compiled));
                }
            }
        }

        var additional = schema["additionalProperties"];
        _additional = additional is JsonObject additionalSchema ? new CompiledSchema(additionalSchema) : null;
        _additionalAllowed = additional is JsonValue a && a.TryGetValue<bool>(out var allowed) && allowed;
        _preserveUnknown = Flag(schema, "x-kubernetes-preserve-unknown-fields");
        _items = schema["items"] is JsonObject itemSchema ? new CompiledSchema(itemSchema) : null;
        _nullable = Flag(schema, "nullable");
        _intOrString = Flag(schema, "x-kubernetes-int-or-string");
        _type = Read(() => (string?)(schema["type"] as JsonValue), out _typeError);
        _enum = schema["enum"] as JsonArray;
        _hasDefault = schema.TryGetPropertyValue("default", out _default);
        _minimum = Number(schema, "minimum");
        _maximum = Number(schema, "maximum");
        _exclusiveMinimum = Flag(schema, "exclusiveMinimum");
        _exclusiveMaximum = Flag(schema, "exclusiveMaximum");
        _multipleOf = Number(schema, "multipleOf");
        _minLength = Number(schema, "minLength");
        _maxLength = Number(schema, "maxLength");
        _pattern = Read(() => (string?)(schema["pattern"] as JsonValue), out _patternError);
        if (_pattern is { } pattern)
        {
            _regex = new Lazy<Regex>(() => new Regex(pattern, RegexOptions.None, TimeSpan.FromSeconds(1)));
        }

        _minItems = Number(schema, "minItems");
        _maxItems = Number(schema, "maxItems");
        _required = Read(() => (schema["required"] as JsonArray)?.Select(r => (string?)r).OfType<string>().ToList(), out _requiredError);
        _minProperties = Number(schema, "minProperties");
        _maxProperties = Number(schema, "maxProperties");
    }

    /// <summary>The compiled form of a schema the server serves (read once per schema object).</summary>
    public static CompiledSchema For(JsonObject schema) => Cache.GetValue(schema, s => new CompiledSchema(s));

    /// <summary>Prunes, defaults and validates <paramref name="obj"/> in place; returns the validation errors.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public List<FieldError> Process(JsonObject obj, List<string> pruned) => Process(obj, pruned, SettledFields.None);

    /// <summary>
    /// <see cref="Process(JsonObject, List{string})"/> that leaves the <paramref name="settled"/> top-level fields alone:
    /// the caller copied them from a stored object this schema processed, so the result and the errors are the same.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public List<FieldError> Process(JsonObject obj, List<string> pruned, SettledFields settled)
    {
        Prune(obj, null, pruned, root: true, settled);
        Default(obj, root: true, settled);
        var errors = new List<FieldError>();
        Validate(obj, null, errors, root: true, settled);
        return errors;
    }

    private static T? Read<T>(Func<T?> read, out ExceptionDispatchInfo? error)
    {
        try
        {
            error = null;
            return read();
        }
        catch (InvalidOperationException e)
        {
            error = ExceptionDispatchInfo.Capture(e);
            return default;
        }
    }

    private static bool Flag(JsonObject schema, string name) =>
        schema[name] is JsonValue v && v.TryGetValue<bool>(out var b) && b;

    private static double? Number(JsonObject schema, string name) =>
        schema[name] is JsonValue v && v.GetValueKind() == JsonValueKind.Number ? JsonNumbers.ToDouble(v) : null;

    private static string Format(double d) => d.ToString(CultureInfo.InvariantCulture);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Prune(JsonNode? node, Location? path, List<string> pruned, bool root = false, SettledFields settled = default)
    {
        switch (node)
        {
            case JsonObject obj:
            {
                List<string>? unknown = null;
                foreach (var (key, child) in obj)
                {
                    if (root && (RootSystemFields.Contains(key) || settled.Contains(key)))
                    {
                        continue;
                    }

                    if (_properties.TryGetValue(key, out var propertySchema))
                    {
                        propertySchema.Prune(child, new Location(path, key), pruned);
                    }
                    else if (_additional is not null)
                    {
                        _additional.Prune(child, new Location(path, key), pruned);
                    }
                    else if (!_preserveUnknown && !_additionalAllowed)
                    {
                        (unknown ??= []).Add(key);
                        pruned.Add(Location.Text(path, key));
                    }
                }

                foreach (var key in unknown ?? [])
                {
                    obj.Remove(key);
                }

                break;
            }

            case JsonArray array when _items is not null:
                for (var i = 0; i < array.Count; i++)
                {
                    _items.Prune(array[i], new Location(path, i), pruned);
                }

                break;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Default(JsonNode? node, bool root = false, SettledFields settled = default)
    {
        switch (node)
        {
            case JsonObject obj:
            {
                foreach (var (name, propertySchema) in _propertyOrder)
                {
                    // A settled field that is absent is processed: it may get its default.
                    if (root && (RootSystemFields.Contains(name) || (settled.Contains(name) && obj.ContainsKey(name))))
                    {
                        continue;
                    }

                    // kube drops nulls of non-nullable fields before defaulting, so a null gets the default.
                    if (obj.TryGetPropertyValue(name, out var value) && value is null && !propertySchema._nullable)
                    {
                        obj.Remove(name);
                    }

                    if (!obj.ContainsKey(name) && propertySchema._hasDefault)
                    {
                        obj[name] = propertySchema._default?.DeepClone();
                    }

                    if (obj.TryGetPropertyValue(name, out var child) && child is not null)
                    {
                        propertySchema.Default(child);
                    }
                }

                if (_additional is not null)
                {
                    foreach (var (key, child) in obj)
                    {
                        if (!_propertyNames.Contains(key) && child is not null)
                        {
                            _additional.Default(child);
                        }
                    }
                }

                break;
            }

            case JsonArray array when _items is not null:
                foreach (var item in array)
                {
                    _items.Default(item);
                }

                break;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
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

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
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

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Validate(JsonNode? node, Location? location, List<FieldError> errors, bool root = false, SettledFields settled = default)
    {
        _typeError?.Throw();
        var type = _type;
        var actual = TypeName(node);
        if (node is null)
        {
            if (!_nullable && type is not null)
            {
                var path = Location.Text(location);
                errors.Add(new FieldError(FieldErrorType.TypeInvalid, path, "null", $"{path} in body must be of type {type}: \"null\""));
            }

            return;
        }

        if (_intOrString)
        {
            if (actual is not ("integer" or "string"))
            {
                var path = Location.Text(location);
                errors.Add(new FieldError(FieldErrorType.TypeInvalid, path, actual, $"{path} in body must be of type integer,string: \"{actual}\""));
                return;
            }
        }
        else if (type is not null && !MatchesType(type, actual))
        {
            var path = Location.Text(location);
            errors.Add(new FieldError(FieldErrorType.TypeInvalid, path, actual, $"{path} in body must be of type {type}: \"{actual}\""));
            return;
        }

        if (_enum is { } allowed && !IsAllowed(allowed, node))
        {
            errors.Add(new FieldError(FieldErrorType.NotSupported, Location.Text(location), node.DeepClone(),
                "supported values: " + string.Join(", ", allowed.Select(FieldError.Render))));
        }

        switch (actual)
        {
            case "integer" or "number":
                ValidateNumber(JsonNumbers.ToDouble(node), node, location, errors);
                break;
            case "string" when _minLength is not null || _maxLength is not null || _pattern is not null || _patternError is not null:
                // Only a string with constraints is read out of the JSON.
                ValidateString(node.GetValue<string>(), location, errors);
                break;
            case "array":
                ValidateArray((JsonArray)node, location, errors);
                break;
            case "object":
                ValidateObject((JsonObject)node, location, errors, root, settled);
                break;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool IsAllowed(JsonArray allowed, JsonNode node)
    {
        foreach (var value in allowed)
        {
            if (JsonNode.DeepEquals(value, node))
            {
                return true;
            }
        }

        return false;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void ValidateNumber(double value, JsonNode node, Location? location, List<FieldError> errors)
    {
        if (_minimum is { } min && (_exclusiveMinimum ? value <= min : value < min))
        {
            var path = Location.Text(location);
            errors.Add(new FieldError(FieldErrorType.Invalid, path, node.DeepClone(),
                $"{path} in body should be greater than {(_exclusiveMinimum ? string.Empty : "or equal to ")}{Format(min)}"));
        }

        if (_maximum is { } max && (_exclusiveMaximum ? value >= max : value > max))
        {
            var path = Location.Text(location);
            errors.Add(new FieldError(FieldErrorType.Invalid, path, node.DeepClone(),
                $"{path} in body should be less than {(_exclusiveMaximum ? string.Empty : "or equal to ")}{Format(max)}"));
        }

        if (_multipleOf is { } factor && factor > 0 && Math.Abs(Math.IEEERemainder(value, factor)) > 1e-9)
        {
            var path = Location.Text(location);
            errors.Add(new FieldError(FieldErrorType.Invalid, path, node.DeepClone(), $"{path} in body should be a multiple of {Format(factor)}"));
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void ValidateString(string value, Location? location, List<FieldError> errors)
    {
        if (_minLength is not null || _maxLength is not null)
        {
            var length = 0;
            foreach (var _ in value.EnumerateRunes())
            {
                length++;
            }

            if (_minLength is { } minLength && length < minLength)
            {
                var path = Location.Text(location);
                errors.Add(new FieldError(FieldErrorType.Invalid, path, value, $"{path} in body should be at least {Format(minLength)} chars long"));
            }

            if (_maxLength is { } maxLength && length > maxLength)
            {
                errors.Add(new FieldError(FieldErrorType.TooLong, Location.Text(location), value, $"may not be more than {Format(maxLength)} bytes"));
            }
        }

        _patternError?.Throw();
        if (_regex is not null && !_regex.Value.IsMatch(value))
        {
            var path = Location.Text(location);
            errors.Add(new FieldError(FieldErrorType.Invalid, path, value, $"{path} in body should match '{_pattern}'"));
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void ValidateArray(JsonArray array, Location? location, List<FieldError> errors)
    {
        if (_minItems is { } minItems && array.Count < minItems)
        {
            var path = Location.Text(location);
            errors.Add(new FieldError(FieldErrorType.Invalid, path, array.Count, $"{path} in body should have at least {Format(minItems)} items"));
        }

        if (_maxItems is { } maxItems && array.Count > maxItems)
        {
            errors.Add(new FieldError(FieldErrorType.TooMany, Location.Text(location), array.Count, $"must have at most {Format(maxItems)} items"));
        }

        if (_items is not null)
        {
            for (var i = 0; i < array.Count; i++)
            {
                _items.Validate(array[i], new Location(location, i), errors);
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void ValidateObject(JsonObject obj, Location? location, List<FieldError> errors, bool root, SettledFields settled)
    {
        _requiredError?.Throw();
        foreach (var name in _required ?? [])
        {
            if (!obj.ContainsKey(name))
            {
                errors.Add(new FieldError(FieldErrorType.Required, Location.Text(location, name), null, string.Empty));
            }
        }

        var count = obj.Count;
        if (_minProperties is { } minProperties && count < minProperties)
        {
            var path = Location.Text(location);
            errors.Add(new FieldError(FieldErrorType.Invalid, path, count, $"{path} in body should have at least {Format(minProperties)} properties"));
        }

        if (_maxProperties is { } maxProperties && count > maxProperties)
        {
            errors.Add(new FieldError(FieldErrorType.TooMany, Location.Text(location), count, $"must have at most {Format(maxProperties)} items"));
        }

        foreach (var (key, value) in obj)
        {
            if (root && (RootSystemFields.Contains(key) || settled.Contains(key)))
            {
                continue;
            }

            if (_properties.TryGetValue(key, out var propertySchema))
            {
                propertySchema.Validate(value, new Location(location, key), errors);
            }
            else if (_additional is not null)
            {
                _additional.Validate(value, new Location(location, key), errors);
            }
        }
    }

    /// <summary>A field's path (<c>spec.containers[0].name</c>), turned into text only when an error or a pruned field names it.</summary>
    private sealed class Location
    {
        private readonly Location? _parent;
        private readonly string? _name;
        private readonly int _index;
        private string? _text;

        public Location(Location? parent, string name)
        {
            _parent = parent;
            _name = name;
        }

        public Location(Location? parent, int index)
        {
            _parent = parent;
            _index = index;
        }

        /// <summary>The path of <paramref name="location"/>; the root is the empty string.</summary>
        public static string Text(Location? location) => location?.ToString() ?? string.Empty;

        /// <summary>The path of the field <paramref name="name"/> of the object at <paramref name="parent"/>.</summary>
        public static string Text(Location? parent, string name) => Child(Text(parent), name);

        private static string Child(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";

        public override string ToString() => _text ??= _name is not null
            ? Child(Text(_parent), _name)
            : string.Create(CultureInfo.InvariantCulture, $"{Text(_parent)}[{_index}]");
    }
}
