using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;

namespace EcsOperator.KubeApiServer;

/// <summary>A parsed label selector (<c>a=b, c!=d, e in (f,g), h notin (i), j, !k</c>) as labels.Parse accepts it.</summary>
public sealed class LabelSelector
{
    private enum Op { Equals, NotEquals, In, NotIn, Exists, DoesNotExist }

    private sealed record Requirement(string Key, Op Op, IReadOnlyList<string> Values);

    private readonly List<Requirement> _requirements;

    private LabelSelector(List<Requirement> requirements) => _requirements = requirements;

    /// <summary>Matches everything.</summary>
    public static LabelSelector Everything { get; } = new([]);

    /// <summary>Parses a selector; throws a 400 BadRequest <see cref="KubeApiException"/> on bad syntax.</summary>
    public static LabelSelector Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Everything;
        }

        var requirements = new List<Requirement>();
        var pos = 0;
        while (true)
        {
            SkipSpace(text, ref pos);
            if (pos >= text.Length)
            {
                throw Error(text, "found '', expected: identifier");
            }

            requirements.Add(ParseRequirement(text, ref pos));
            SkipSpace(text, ref pos);
            if (pos >= text.Length)
            {
                break;
            }

            if (text[pos] != ',')
            {
                throw Error(text, $"found '{text[pos]}', expected: ',' or 'end of string'");
            }

            pos++;
        }

        return new LabelSelector(requirements);
    }

    private static Requirement ParseRequirement(string text, ref int pos)
    {
        var negated = false;
        if (text[pos] == '!')
        {
            negated = true;
            pos++;
            SkipSpace(text, ref pos);
        }

        var key = ReadIdentifier(text, ref pos);
        if (key.Length == 0)
        {
            throw Error(text, "found '" + (pos < text.Length ? text[pos].ToString() : string.Empty) + "', expected: identifier");
        }

        ValidateKey(text, key);
        if (negated)
        {
            return new Requirement(key, Op.DoesNotExist, []);
        }

        SkipSpace(text, ref pos);
        if (pos >= text.Length || text[pos] == ',')
        {
            return new Requirement(key, Op.Exists, []);
        }

        if (text[pos] == '=')
        {
            pos += pos + 1 < text.Length && text[pos + 1] == '=' ? 2 : 1;
            return new Requirement(key, Op.Equals, [ReadValue(text, ref pos)]);
        }

        if (text[pos] == '!' && pos + 1 < text.Length && text[pos + 1] == '=')
        {
            pos += 2;
            return new Requirement(key, Op.NotEquals, [ReadValue(text, ref pos)]);
        }

        var word = ReadIdentifier(text, ref pos);
        var op = word switch
        {
            "in" => Op.In,
            "notin" => Op.NotIn,
            _ => throw Error(text, $"found '{word}', expected: in, notin, =, ==, !=, gt, lt"),
        };
        SkipSpace(text, ref pos);
        if (pos >= text.Length || text[pos] != '(')
        {
            throw Error(text, "found '', expected: '('");
        }

        pos++;
        var values = new List<string>();
        while (true)
        {
            SkipSpace(text, ref pos);
            var value = ReadIdentifier(text, ref pos);
            ValidateValue(text, value);
            values.Add(value);
            SkipSpace(text, ref pos);
            if (pos >= text.Length)
            {
                throw Error(text, "found '', expected: ',', or ')'");
            }

            if (text[pos] == ')')
            {
                pos++;
                break;
            }

            if (text[pos] != ',')
            {
                throw Error(text, $"found '{text[pos]}', expected: ',', or ')'");
            }

            pos++;
        }

        return new Requirement(key, op, values);
    }

    private static string ReadValue(string text, ref int pos)
    {
        SkipSpace(text, ref pos);
        var value = ReadIdentifier(text, ref pos);
        ValidateValue(text, value);
        return value;
    }

    private static string ReadIdentifier(string text, ref int pos)
    {
        var start = pos;
        while (pos < text.Length && !char.IsWhiteSpace(text[pos]) && text[pos] is not (',' or '=' or '!' or '(' or ')'))
        {
            pos++;
        }

        return text[start..pos];
    }

    private static void SkipSpace(string text, ref int pos)
    {
        while (pos < text.Length && char.IsWhiteSpace(text[pos]))
        {
            pos++;
        }
    }

    private static void ValidateKey(string text, string key)
    {
        var slash = key.LastIndexOf('/');
        var name = slash < 0 ? key : key[(slash + 1)..];
        if (slash == 0 || !NameValidation.IsQualifiedNamePart(name) || (slash > 0 && NameValidation.DnsSubdomainErrors(key[..slash]).Count > 0))
        {
            throw Error(text, $"invalid label key \"{key}\": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character");
        }
    }

    private static void ValidateValue(string text, string value)
    {
        if (value.Length > 0 && !NameValidation.IsQualifiedNamePart(value))
        {
            throw Error(text, $"invalid label value: \"{value}\": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character");
        }
    }

    private static KubeApiException Error(string text, string why) =>
        KubeErrors.BadRequest($"unable to parse requirement: {why} (in selector \"{text}\")");

    /// <summary>Whether the labels of <paramref name="obj"/> match.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool Matches(JsonObject obj)
    {
        if (_requirements.Count == 0)
        {
            return true;
        }

        var labels = obj["metadata"]?["labels"] as JsonObject;
        foreach (var r in _requirements)
        {
            var present = labels is not null && labels.TryGetPropertyValue(r.Key, out var node) && node is not null;
            var value = present ? labels![r.Key]!.ToString() : null;
            var ok = r.Op switch
            {
                Op.Equals => present && value == r.Values[0],
                Op.NotEquals => !present || value != r.Values[0],
                Op.In => present && r.Values.Contains(value!),
                Op.NotIn => !present || !r.Values.Contains(value!),
                Op.Exists => present,
                Op.DoesNotExist => !present,
                _ => false,
            };
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }
}
