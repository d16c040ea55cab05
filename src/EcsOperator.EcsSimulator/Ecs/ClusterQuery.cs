using System.Globalization;
using System.Text.RegularExpressions;
using EcsOperator.Simulator.Model;
using EcsOperator.Simulator.Protocol;

namespace EcsOperator.Simulator.Ecs;

/// <summary>
/// The ECS cluster query language subset used by <c>memberOf</c> constraints and ListContainerInstances filters:
/// <c>subject operator [argument]</c> with subjects <c>attribute:name</c>, <c>ec2InstanceId</c>,
/// <c>runningTasksCount</c>, <c>registeredAt</c> and <c>task:group</c>; operators <c>==</c>/<c>equals</c>,
/// <c>!=</c>/<c>not_equals</c>, <c>&gt;</c>, <c>&gt;=</c>, <c>&lt;</c>, <c>&lt;=</c>, <c>exists</c>,
/// <c>!exists</c>/<c>not_exists</c>, <c>in</c>, <c>not_in</c>, <c>=~</c>/<c>matches</c> (a pattern matched against
/// the whole value); expressions combine with <c>and</c>/<c>&amp;&amp;</c>, <c>or</c>/<c>||</c>,
/// <c>not</c>/<c>!</c> and parentheses.
/// </summary>
internal sealed class ClusterQuery
{
    private readonly Func<SimContainerInstance, bool> _predicate;

    private ClusterQuery(Func<SimContainerInstance, bool> predicate) => _predicate = predicate;

    public bool Matches(SimContainerInstance instance) => _predicate(instance);

    /// <summary>Parses an expression; a syntax error is an InvalidParameterException, as ECS answers.</summary>
    public static ClusterQuery Parse(string expression)
    {
        var parser = new Parser(Tokenize(expression), expression);
        var predicate = parser.ParseOr();
        if (!parser.AtEnd)
        {
            throw Invalid(expression);
        }

        return new ClusterQuery(predicate);
    }

    private static AwsErrorException Invalid(string expression) =>
        AwsErrorException.InvalidParameter($"The expression '{expression}' is not a valid cluster query language expression.");

    private static List<string> Tokenize(string text)
    {
        var tokens = new List<string>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }

            string[] symbols = ["&&", "||", "==", "!=", "=~", ">=", "<=", "!exists", ">", "<", "!", "(", ")", "[", "]", ","];
            var symbol = symbols.FirstOrDefault(s => string.CompareOrdinal(text, i, s, 0, s.Length) == 0);
            if (symbol is not null)
            {
                tokens.Add(symbol);
                i += symbol.Length;
                continue;
            }

            var start = i;
            while (i < text.Length && !char.IsWhiteSpace(text[i]) && text[i] is not ('(' or ')' or '[' or ']' or ',' or '=' or '!' or '<' or '>' or '&' or '|'))
            {
                i++;
            }

            if (i == start)
            {
                throw Invalid(text);
            }

            tokens.Add(text[start..i]);
        }

        return tokens;
    }

    private static string? Subject(SimContainerInstance instance, string subject)
    {
        if (subject.StartsWith("attribute:", StringComparison.Ordinal))
        {
            var name = subject["attribute:".Length..];
            return instance.Attributes.TryGetValue(name, out var value) ? value ?? "" : null;
        }

        return subject switch
        {
            "ec2InstanceId" => instance.Ec2InstanceId,
            "runningTasksCount" => instance.Tasks.Count(t => t.LastStatus == "RUNNING").ToString(CultureInfo.InvariantCulture),
            "registeredAt" => instance.RegisteredAt.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture),
            "agentConnected" => "true",
            _ => null,
        };
    }

    private static int Compare(string value, string argument) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var a)
        && double.TryParse(argument, NumberStyles.Float, CultureInfo.InvariantCulture, out var b)
            ? a.CompareTo(b)
            : string.CompareOrdinal(value, argument);

    private sealed class Parser(List<string> tokens, string text)
    {
        private int _position;

        public bool AtEnd => _position >= tokens.Count;

        private string? Peek => AtEnd ? null : tokens[_position];

        private string Next() => AtEnd ? throw Invalid(text) : tokens[_position++];

        private void Expect(string token)
        {
            if (Next() != token)
            {
                throw Invalid(text);
            }
        }

        public Func<SimContainerInstance, bool> ParseOr()
        {
            var left = ParseAnd();
            while (Peek is "or" or "||")
            {
                _position++;
                var (l, r) = (left, ParseAnd());
                left = i => l(i) || r(i);
            }

            return left;
        }

        private Func<SimContainerInstance, bool> ParseAnd()
        {
            var left = ParseUnary();
            while (Peek is "and" or "&&")
            {
                _position++;
                var (l, r) = (left, ParseUnary());
                left = i => l(i) && r(i);
            }

            return left;
        }

        private Func<SimContainerInstance, bool> ParseUnary()
        {
            if (Peek is "not" or "!")
            {
                _position++;
                var inner = ParseUnary();
                return i => !inner(i);
            }

            if (Peek == "(")
            {
                _position++;
                var inner = ParseOr();
                Expect(")");
                return inner;
            }

            return ParseComparison();
        }

        private Func<SimContainerInstance, bool> ParseComparison()
        {
            var subject = Next();
            var op = Next();
            if (subject == "task:group")
            {
                if (op is not ("==" or "equals" or "!=" or "not_equals"))
                {
                    throw Invalid(text);
                }

                var group = Next();
                var equal = op is "==" or "equals";
                return i => i.Tasks.Any(t => t.Group == group && t.DesiredStatus == "RUNNING") == equal;
            }

            switch (op)
            {
                case "exists":
                    return i => Subject(i, subject) is not null;
                case "!exists" or "not_exists":
                    return i => Subject(i, subject) is null;
                case "in" or "not_in":
                    var values = ParseList();
                    var inside = op == "in";
                    return i => Subject(i, subject) is { } v && values.Contains(v) == inside;
                case "=~" or "matches":
                    var pattern = new Regex("^(?:" + Next() + ")$", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
                    return i => Subject(i, subject) is { } v && pattern.IsMatch(v);
            }

            var argument = Next();
            return op switch
            {
                "==" or "equals" => i => Subject(i, subject) == argument,
                "!=" or "not_equals" => i => Subject(i, subject) != argument,
                ">" => i => Subject(i, subject) is { } v && Compare(v, argument) > 0,
                ">=" => i => Subject(i, subject) is { } v && Compare(v, argument) >= 0,
                "<" => i => Subject(i, subject) is { } v && Compare(v, argument) < 0,
                "<=" => i => Subject(i, subject) is { } v && Compare(v, argument) <= 0,
                _ => throw Invalid(text),
            };
        }

        private HashSet<string> ParseList()
        {
            var open = Next();
            var close = open switch
            {
                "[" => "]",
                "(" => ")",
                _ => throw Invalid(text),
            };
            var values = new HashSet<string>(StringComparer.Ordinal);
            while (true)
            {
                values.Add(Next());
                var separator = Next();
                if (separator == close)
                {
                    return values;
                }

                if (separator != ",")
                {
                    throw Invalid(text);
                }
            }
        }
    }
}
