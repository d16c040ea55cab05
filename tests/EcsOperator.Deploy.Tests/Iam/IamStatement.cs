using System.Text.RegularExpressions;

namespace EcsOperator.Deploy.Tests.Iam;

/// <summary>One statement of an IAM policy document in deploy/.</summary>
public sealed record IamStatement(string? Sid, string Effect, IReadOnlyList<string> Actions, IReadOnlyList<string> Resources, JsonObject? Condition)
{
    public static IReadOnlyList<IamStatement> Load(string path)
    {
        var policy = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        return policy["Statement"]!.AsArray().Select(s => new IamStatement(
            s!["Sid"]?.GetValue<string>(),
            s["Effect"]!.GetValue<string>(),
            Strings(s["Action"]),
            Strings(s["Resource"]),
            s["Condition"]?.AsObject())).ToList();
    }

    public bool IsAllow => Effect == "Allow";

    /// <summary>Whether this is an Allow statement with an action pattern that matches <paramref name="action"/>.</summary>
    public bool AllowsAction(string action) => IsAllow && Names(action);

    /// <summary>Whether an action pattern of this statement matches <paramref name="action"/> (IAM: case-insensitive, * and ? wildcards).</summary>
    public bool Names(string action) =>
        Actions.Any(pattern => Regex.IsMatch(action,
            "^" + Regex.Escape(pattern).Replace("\\*", ".*", StringComparison.Ordinal).Replace("\\?", ".", StringComparison.Ordinal) + "$",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant));

    /// <summary>The condition keys this statement tests, under any operator.</summary>
    public IEnumerable<string> ConditionKeys => Condition?.SelectMany(op => op.Value!.AsObject().Select(k => k.Key)) ?? [];

    /// <summary>The value(s) a condition key must have under <paramref name="op"/>, or empty.</summary>
    public IReadOnlyList<string> ConditionValues(string op, string key) => Strings(Condition?[op]?[key]);

    private static IReadOnlyList<string> Strings(JsonNode? node) => node switch
    {
        null => [],
        JsonArray array => array.Select(n => n!.GetValue<string>()).ToList(),
        _ => [node.GetValue<string>()],
    };
}
