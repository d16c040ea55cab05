using System.Globalization;
using System.Text.Json.Nodes;

namespace EcsOperator.KubeApiServer;

/// <summary>The kind of a field validation error, named as apimachinery's field.ErrorType values are.</summary>
public enum FieldErrorType
{
    Invalid,
    Required,
    NotSupported,
    TypeInvalid,
    TooLong,
    TooMany,
    Forbidden,
    Duplicate,
}

/// <summary>One field validation error; renders like apimachinery's field.Error.</summary>
/// <param name="Type">What is wrong.</param>
/// <param name="Field">The field path, e.g. <c>spec.containers[0].name</c>.</param>
/// <param name="Value">The offending value, rendered into the message where kube renders it.</param>
/// <param name="Detail">The detail text after the value.</param>
public sealed record FieldError(FieldErrorType Type, string Field, JsonNode? Value, string Detail)
{
    /// <summary>The cause reason kube puts into <c>details.causes[].reason</c>.</summary>
    public string Reason => Type switch
    {
        FieldErrorType.Invalid => "FieldValueInvalid",
        FieldErrorType.Required => "FieldValueRequired",
        FieldErrorType.NotSupported => "FieldValueNotSupported",
        FieldErrorType.TypeInvalid => "FieldValueTypeInvalid",
        FieldErrorType.TooLong => "FieldValueTooLong",
        FieldErrorType.TooMany => "FieldValueTooMany",
        FieldErrorType.Forbidden => "FieldValueForbidden",
        FieldErrorType.Duplicate => "FieldValueDuplicate",
        _ => "FieldValueInvalid",
    };

    /// <summary>The error body without the field path (what kube puts into the cause message).</summary>
    public string Body
    {
        get
        {
            var prefix = Type switch
            {
                FieldErrorType.Invalid or FieldErrorType.TypeInvalid => "Invalid value",
                FieldErrorType.Required => "Required value",
                FieldErrorType.NotSupported => "Unsupported value",
                FieldErrorType.TooLong => "Too long",
                FieldErrorType.TooMany => "Too many",
                FieldErrorType.Forbidden => "Forbidden",
                FieldErrorType.Duplicate => "Duplicate value",
                _ => "Invalid value",
            };
            // Required, Forbidden, TooLong omit the value, as field.Error.ErrorBody does.
            var showValue = Type is FieldErrorType.Invalid or FieldErrorType.TypeInvalid or FieldErrorType.NotSupported
                or FieldErrorType.Duplicate or FieldErrorType.TooMany;
            var body = showValue ? $"{prefix}: {Render(Value)}" : prefix;
            return Detail.Length == 0 ? body : $"{body}: {Detail}";
        }
    }

    /// <summary>The full message: <c>field: body</c>.</summary>
    public override string ToString() => Field.Length == 0 ? Body : $"{Field}: {Body}";

    /// <summary>Renders a value the way Go's <c>%q</c> / <c>%v</c> would for JSON values.</summary>
    public static string Render(JsonNode? value) => value switch
    {
        null => "null",
        JsonValue v when v.TryGetValue<string>(out var s) => Quote(s),
        JsonValue v when v.TryGetValue<bool>(out var b) => b ? "true" : "false",
        JsonValue v when v.TryGetValue<long>(out var l) => l.ToString(CultureInfo.InvariantCulture),
        JsonValue v when v.TryGetValue<double>(out var d) => d.ToString(CultureInfo.InvariantCulture),
        _ => value.ToJsonString(),
    };

    internal static string Quote(string s) => "\"" + s.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}
