using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace EcsOperator.Api.Tests.Support;

/// <summary>
/// YAML to JSON the way the Kubernetes API server reads manifests (YAML 1.2 core schema on plain scalars: unquoted
/// 10 is a number, "10" a string, true a boolean), one node per document.
/// </summary>
internal static partial class YamlJson
{
    public static IReadOnlyList<JsonNode?> ParseDocuments(string yaml)
    {
        var parser = new Parser(new StringReader(yaml));
        var documents = new List<JsonNode?>();
        parser.Consume<StreamStart>();
        while (parser.TryConsume<DocumentStart>(out _))
        {
            var node = ReadNode(parser);
            parser.Consume<DocumentEnd>();
            if (node is not null)
            {
                documents.Add(node);
            }
        }

        parser.Consume<StreamEnd>();
        return documents;
    }

    private static JsonNode? ReadNode(IParser parser)
    {
        if (parser.TryConsume<Scalar>(out var scalar))
        {
            return ScalarToJson(scalar);
        }

        if (parser.TryConsume<MappingStart>(out _))
        {
            var obj = new JsonObject();
            while (!parser.TryConsume<MappingEnd>(out _))
            {
                var key = parser.Consume<Scalar>().Value;
                if (obj.ContainsKey(key))
                {
                    throw new FormatException($"duplicate key '{key}'");
                }

                obj[key] = ReadNode(parser);
            }

            return obj;
        }

        if (parser.TryConsume<SequenceStart>(out _))
        {
            var array = new JsonArray();
            while (!parser.TryConsume<SequenceEnd>(out _))
            {
                array.Add(ReadNode(parser));
            }

            return array;
        }

        throw new FormatException($"unsupported YAML event {parser.Current} (anchors/aliases are not used in manifests)");
    }

    private static JsonNode? ScalarToJson(Scalar scalar)
    {
        var text = scalar.Value;
        if (scalar.Style is not ScalarStyle.Plain)
        {
            return JsonValue.Create(text);
        }

        if (text is "" or "~" or "null" or "Null" or "NULL")
        {
            return null;
        }

        if (text is "true" or "True" or "TRUE")
        {
            return JsonValue.Create(true);
        }

        if (text is "false" or "False" or "FALSE")
        {
            return JsonValue.Create(false);
        }

        if (Integer().IsMatch(text))
        {
            return JsonValue.Create(long.Parse(text, CultureInfo.InvariantCulture));
        }

        if (Float().IsMatch(text))
        {
            return JsonValue.Create(double.Parse(text, CultureInfo.InvariantCulture));
        }

        return JsonValue.Create(text);
    }

    [GeneratedRegex("^[-+]?[0-9]+$")]
    private static partial Regex Integer();

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")]
    private static partial Regex Float();
}
