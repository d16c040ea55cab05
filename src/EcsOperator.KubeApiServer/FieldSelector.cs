using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;

namespace EcsOperator.KubeApiServer;

/// <summary>A parsed field selector (<c>metadata.name=x,metadata.namespace!=y</c>) limited to the fields a resource supports.</summary>
public sealed class FieldSelector
{
    private sealed record Requirement(string Field, bool Equal, string Value);

    private readonly List<Requirement> _requirements;

    private FieldSelector(List<Requirement> requirements) => _requirements = requirements;

    /// <summary>Matches everything.</summary>
    public static FieldSelector Everything { get; } = new([]);

    /// <summary>The name a selector pins with <c>metadata.name=</c>, if any.</summary>
    public string? PinnedName => _requirements.FirstOrDefault(r => r.Field == "metadata.name" && r.Equal)?.Value;

    /// <summary>Parses; a field the resource does not support gives 400 BadRequest like kube.</summary>
    public static FieldSelector Parse(string? text, ServedResource type)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Everything;
        }

        var requirements = new List<Requirement>();
        foreach (var part in text.Split(','))
        {
            var term = part.Trim();
            if (term.Length == 0)
            {
                continue;
            }

            string field, value;
            bool equal;
            int idx;
            if ((idx = term.IndexOf("!=", StringComparison.Ordinal)) >= 0)
            {
                (field, value, equal) = (term[..idx], term[(idx + 2)..], false);
            }
            else if ((idx = term.IndexOf("==", StringComparison.Ordinal)) >= 0)
            {
                (field, value, equal) = (term[..idx], term[(idx + 2)..], true);
            }
            else if ((idx = term.IndexOf('=', StringComparison.Ordinal)) >= 0)
            {
                (field, value, equal) = (term[..idx], term[(idx + 1)..], true);
            }
            else
            {
                throw KubeErrors.BadRequest($"invalid selector: '{text}'; can't understand '{term}'");
            }

            field = field.Trim();
            if (!type.SupportsFieldSelector(field))
            {
                throw KubeErrors.BadRequest($"field label not supported: {field}");
            }

            requirements.Add(new Requirement(field, equal, value.Trim()));
        }

        return new FieldSelector(requirements);
    }

    /// <summary>Whether the object's selectable fields match.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool Matches(JsonObject obj)
    {
        foreach (var r in _requirements)
        {
            var actual = Lookup(obj, r.Field);
            if ((actual == r.Value) != r.Equal)
            {
                return false;
            }
        }

        return true;
    }

    private static string Lookup(JsonObject obj, string path)
    {
        JsonNode? node = obj;
        foreach (var segment in path.Split('.'))
        {
            node = node is JsonObject o && o.TryGetPropertyValue(segment, out var child) ? child : null;
        }

        return node switch
        {
            null => string.Empty,
            JsonValue v when v.TryGetValue<string>(out var s) => s,
            _ => node.ToJsonString(),
        };
    }
}
