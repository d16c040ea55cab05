using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace EcsOperator.Crds;

/// <summary>
/// Renders a JSON tree as block-style YAML that parses back to the same JSON: strings a YAML parser would read as
/// another type (true, 10, null, ...) are quoted; multi-line strings use literal blocks so descriptions stay readable;
/// long lines are not folded, so CEL rules read as written.
/// </summary>
public static partial class JsonYamlWriter
{
    public static string ToYaml(JsonNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        using var writer = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        var settings = new EmitterSettings().WithBestIndent(2).WithBestWidth(100_000).WithNewLine("\n");
        var emitter = new Emitter(writer, settings);
        emitter.Emit(new StreamStart());
        emitter.Emit(new DocumentStart());
        Emit(emitter, node);
        emitter.Emit(new DocumentEnd(isImplicit: true));
        emitter.Emit(new StreamEnd());
        return writer.ToString();
    }

    private static void Emit(IEmitter emitter, JsonNode? node)
    {
        switch (node)
        {
            case null:
                emitter.Emit(new Scalar(null, null, "null", ScalarStyle.Plain, isPlainImplicit: true, isQuotedImplicit: false));
                break;
            case JsonObject obj:
                emitter.Emit(new MappingStart(null, null, isImplicit: true, MappingStyle.Block));
                foreach (var (key, value) in obj)
                {
                    EmitString(emitter, key);
                    Emit(emitter, value);
                }

                emitter.Emit(new MappingEnd());
                break;
            case JsonArray array:
                emitter.Emit(new SequenceStart(null, null, isImplicit: true, SequenceStyle.Block));
                foreach (var item in array)
                {
                    Emit(emitter, item);
                }

                emitter.Emit(new SequenceEnd());
                break;
            case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                EmitString(emitter, value.GetValue<string>());
                break;
            case JsonValue value:
                emitter.Emit(new Scalar(null, null, value.ToJsonString(), ScalarStyle.Plain, isPlainImplicit: true, isQuotedImplicit: false));
                break;
        }
    }

    private static void EmitString(IEmitter emitter, string text)
    {
        var lines = text.Split('\n');
        // Literal blocks only for plain paragraphs; edge whitespace, leading/trailing newlines and control characters
        // survive only in double quotes.
        var awkward = text.Any(c => char.IsControl(c) && c != '\n')
            || text.StartsWith('\n') || text.EndsWith('\n')
            || lines.Any(l => l.Length > 0 && (char.IsWhiteSpace(l[0]) || char.IsWhiteSpace(l[^1])));
        var style = awkward ? ScalarStyle.DoubleQuoted
            : lines.Length > 1 ? ScalarStyle.Literal
            : ResolvesToNonString(text) ? ScalarStyle.DoubleQuoted
            : ScalarStyle.Any;
        emitter.Emit(new Scalar(null, null, text, style, isPlainImplicit: true, isQuotedImplicit: true));
    }

    // YAML 1.1 and 1.2 core-schema plain scalars that are not strings: quote them so they stay strings.
    private static bool ResolvesToNonString(string text) => text.Length == 0 || NonStringPlain().IsMatch(text);

    [GeneratedRegex(
        @"^(~|null|Null|NULL|true|True|TRUE|false|False|FALSE|y|Y|yes|Yes|YES|n|N|no|No|NO|on|On|ON|off|Off|OFF|" +
        @"[-+]?(\.[0-9]+|[0-9][0-9_]*(\.[0-9_]*)?)([eE][-+]?[0-9]+)?|0x[0-9a-fA-F_]+|0o?[0-7_]+|0b[01_]+|[-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN)|" +
        @"[0-9]+(:[0-5]?[0-9])+(\.[0-9_]*)?|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}.*|<<|=)$")]
    private static partial Regex NonStringPlain();
}
