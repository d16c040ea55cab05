using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace EcsOperator.KubeApiServer;

/// <summary>
/// The JSONPath subset CRD printer columns use: <c>.a.b</c>, <c>[n]</c>, <c>[*]</c> and
/// <c>[?(@.field=="value")]</c>. Returns every node the path reaches, in order.
/// </summary>
internal static partial class SimpleJsonPath
{
    public static IReadOnlyList<JsonNode> Evaluate(JsonNode? root, string path)
    {
        var current = new List<JsonNode>();
        if (root is not null)
            current.Add(root);
        foreach (Match step in Step().Matches(path.Trim().TrimStart('{').TrimEnd('}')))
        {
            var next = new List<JsonNode>();
            foreach (var node in current)
            {
                if (step.Groups["field"].Success)
                {
                    if (node is JsonObject o && o[step.Groups["field"].Value] is { } child)
                        next.Add(child);
                }
                else if (node is JsonArray array)
                {
                    if (step.Groups["index"].Success)
                    {
                        var index = int.Parse(step.Groups["index"].Value, System.Globalization.CultureInfo.InvariantCulture);
                        if (index < array.Count && array[index] is { } item)
                            next.Add(item);
                    }
                    else if (step.Groups["all"].Success)
                    {
                        next.AddRange(array.OfType<JsonNode>());
                    }
                    else
                    {
                        var field = step.Groups["filterField"].Value;
                        var value = step.Groups["filterValue"].Value;
                        next.AddRange(array.OfType<JsonObject>().Where(i => i[field] is JsonValue v && v.ToString() == value));
                    }
                }
            }

            current = next;
        }

        return current;
    }

    [GeneratedRegex("""\.(?<field>[A-Za-z0-9_-]+)|\[(?<index>\d+)\]|\[(?<all>\*)\]|\[\?\(@\.(?<filterField>[A-Za-z0-9_-]+)\s*==\s*["'](?<filterValue>[^"']*)["']\)\]""")]
    private static partial Regex Step();
}
