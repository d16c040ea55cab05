using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace EcsOperator.Api.Tests.Support;

/// <summary>
/// A small interpreter for the subset of CEL our CRD rules use (logic, comparison, arithmetic, <c>in</c>, ternary,
/// <c>has()</c>, <c>size()</c>, <c>int()</c>, <c>matches()</c>, <c>replace()</c> (Kubernetes' strings library), list
/// literals and concatenation, <c>in</c> and the exists/all/filter/map macros over lists and map keys), with
/// CEL's error-absorbing <c>&amp;&amp;</c>/<c>||</c>. Parsing checks the syntax; evaluating lets tests run the rules
/// on manifests the way the API server would.
/// </summary>
internal sealed class Cel
{
    private readonly Func<IReadOnlyDictionary<string, object?>, object?> program;

    private Cel(string source, Func<IReadOnlyDictionary<string, object?>, object?> program)
    {
        Source = source;
        this.program = program;
    }

    public string Source { get; }

    public static Cel Parse(string source) => new(source, new Parser(source).ParseAll());

    /// <summary>Evaluates with <c>self</c> bound to the JSON value; a CEL error surfaces as <see cref="CelException"/>.</summary>
    public object? Evaluate(JsonNode? self) =>
        program(new Dictionary<string, object?>(StringComparer.Ordinal) { ["self"] = FromJson(self) });

    /// <summary>
    /// Evaluates with several variables bound (an admission policy's <c>object</c>, <c>params</c>,
    /// <c>namespaceObject</c>, <c>request</c>, <c>variables</c>), already converted with <see cref="FromJson"/>.
    /// </summary>
    public object? Evaluate(IReadOnlyDictionary<string, object?> bindings) => program(bindings);

    public static object? FromJson(JsonNode? node) => node switch
    {
        null => null,
        JsonObject obj => obj.ToDictionary(p => p.Key, p => FromJson(p.Value), StringComparer.Ordinal),
        JsonArray array => array.Select(FromJson).ToList(),
        JsonValue value when value.TryGetValue<string>(out var s) => s,
        JsonValue value when value.TryGetValue<bool>(out var b) => b,
        JsonValue value when value.TryGetValue<long>(out var l) => l,
        JsonValue value when value.TryGetValue<int>(out var i) => (long)i,
        JsonValue value when value.TryGetValue<double>(out var d) => d == Math.Floor(d) && Math.Abs(d) < 1e15 ? (long)d : d,
        _ => throw new CelException($"unsupported JSON value {node}"),
    };

    private delegate object? Node(IReadOnlyDictionary<string, object?> env);

    private sealed class Parser(string source)
    {
        private readonly List<string> tokens = Tokenize(source);
        private int position;

        public Func<IReadOnlyDictionary<string, object?>, object?> ParseAll()
        {
            var node = Expression();
            if (position != tokens.Count)
            {
                throw new CelException($"unexpected '{tokens[position]}' at token {position} in: {source}");
            }

            return env => node(env);
        }

        private string? Peek => position < tokens.Count ? tokens[position] : null;

        private bool Accept(string token)
        {
            if (Peek == token)
            {
                position++;
                return true;
            }

            return false;
        }

        private void Expect(string token)
        {
            if (!Accept(token))
            {
                throw new CelException($"expected '{token}' but found '{Peek ?? "<end>"}' in: {source}");
            }
        }

        private Node Expression()
        {
            var condition = Or();
            if (!Accept("?"))
            {
                return condition;
            }

            var then = Or();
            Expect(":");
            var otherwise = Expression();
            return env => AsBool(condition(env)) ? then(env) : otherwise(env);
        }

        private Node Or()
        {
            var left = And();
            while (Accept("||"))
            {
                var l = left;
                var r = And();
                left = env => Logic(l, r, env, shortCircuitOn: true);
            }

            return left;
        }

        private Node And()
        {
            var left = Relation();
            while (Accept("&&"))
            {
                var l = left;
                var r = Relation();
                left = env => Logic(l, r, env, shortCircuitOn: false);
            }

            return left;
        }

        // CEL's && and || are commutative over errors: an error on one side is absorbed if the other side decides.
        private static object Logic(Node l, Node r, IReadOnlyDictionary<string, object?> env, bool shortCircuitOn)
        {
            CelException? error = null;
            try
            {
                if (AsBool(l(env)) == shortCircuitOn)
                {
                    return shortCircuitOn;
                }
            }
            catch (CelException e)
            {
                error = e;
            }

            if (AsBool(r(env)) == shortCircuitOn)
            {
                return shortCircuitOn;
            }

            return error is null ? !shortCircuitOn : throw error;
        }

        private Node Relation()
        {
            var left = Additive();
            while (Peek is "==" or "!=" or "<" or "<=" or ">" or ">=" or "in")
            {
                var op = tokens[position++];
                var l = left;
                var r = Additive();
                left = op switch
                {
                    "==" => env => Equal(l(env), r(env)),
                    "!=" => env => !Equal(l(env), r(env)),
                    "in" => env => r(env) is IReadOnlyDictionary<string, object?> map
                        ? map.ContainsKey(AsString(l(env)))
                        : AsList(r(env)).Any(item => Equal(item, l(env))),
                    _ => env => Compare(op, l(env), r(env)),
                };
            }

            return left;
        }

        private Node Additive()
        {
            var left = Multiplicative();
            while (Peek is "+" or "-")
            {
                var op = tokens[position++];
                var l = left;
                var r = Multiplicative();
                left = env => Arithmetic(op, l(env), r(env));
            }

            return left;
        }

        private Node Multiplicative()
        {
            var left = Unary();
            while (Peek is "*" or "/" or "%")
            {
                var op = tokens[position++];
                var l = left;
                var r = Unary();
                left = env => Arithmetic(op, l(env), r(env));
            }

            return left;
        }

        private Node Unary()
        {
            if (Accept("!"))
            {
                var operand = Unary();
                return env => !AsBool(operand(env));
            }

            if (Accept("-"))
            {
                var operand = Unary();
                return env => Arithmetic("-", 0L, operand(env));
            }

            return Member();
        }

        private Node Member()
        {
            var node = Primary();
            while (true)
            {
                if (Accept("."))
                {
                    var name = Identifier();
                    if (Accept("("))
                    {
                        node = MethodCall(node, name);
                    }
                    else
                    {
                        var target = node;
                        node = env => Select(target(env), name);
                    }
                }
                else if (Accept("["))
                {
                    var target = node;
                    var index = Expression();
                    Expect("]");
                    node = env => Index(target(env), index(env));
                }
                else
                {
                    return node;
                }
            }
        }

        private Node MethodCall(Node target, string name)
        {
            if (name is "exists" or "all" or "filter" or "exists_one" or "map")
            {
                var variable = Identifier();
                Expect(",");
                var body = Expression();
                Expect(")");
                return env =>
                {
                    // Over a map, CEL's macros range over its keys.
                    var value = target(env);
                    var items = value is IReadOnlyDictionary<string, object?> map ? map.Keys.Cast<object?>().ToList() : AsList(value);
                    bool Test(object? item) => AsBool(body(With(env, variable, item)));
                    return name switch
                    {
                        "exists" => items.Any(Test),
                        "all" => items.All(Test),
                        "exists_one" => items.Count(Test) == 1,
                        "filter" => items.Where(Test).ToList(),
                        _ => items.Select(item => body(With(env, variable, item))).ToList(),
                    };
                };
            }

            var args = Arguments(")");
            return name switch
            {
                "size" => env => Size(target(env)),
                "matches" => env => Regex.IsMatch(AsString(target(env)), AsString(args[0](env)), RegexOptions.None, TimeSpan.FromSeconds(1)),
                "startsWith" => env => AsString(target(env)).StartsWith(AsString(args[0](env)), StringComparison.Ordinal),
                "endsWith" => env => AsString(target(env)).EndsWith(AsString(args[0](env)), StringComparison.Ordinal),
                "contains" => env => AsString(target(env)).Contains(AsString(args[0](env)), StringComparison.Ordinal),
                "replace" => env => AsString(target(env)).Replace(AsString(args[0](env)), AsString(args[1](env)), StringComparison.Ordinal),
                _ => throw new CelException($"unsupported method '{name}' in: {source}"),
            };
        }

        private Node Primary()
        {
            var token = Peek ?? throw new CelException($"unexpected end of: {source}");
            position++;
            if (token == "(")
            {
                var inner = Expression();
                Expect(")");
                return inner;
            }

            if (token == "[")
            {
                var items = Arguments("]");
                return env => items.Select(i => i(env)).ToList();
            }

            if (token.StartsWith('\'') || token.StartsWith('"'))
            {
                var text = token[1..^1].Replace("\\\\", "\\", StringComparison.Ordinal);
                return _ => text;
            }

            if (char.IsDigit(token[0]))
            {
                if (token.Contains('.', StringComparison.Ordinal))
                {
                    var d = double.Parse(token, CultureInfo.InvariantCulture);
                    return _ => d;
                }

                var l = long.Parse(token, CultureInfo.InvariantCulture);
                return _ => l;
            }

            if (token is "true" or "false")
            {
                var b = token == "true";
                return _ => b;
            }

            if (token == "null")
            {
                return _ => null;
            }

            if (!IsIdentifier(token))
            {
                throw new CelException($"unexpected '{token}' in: {source}");
            }

            if (!Accept("("))
            {
                return env => env.TryGetValue(token, out var value) ? value : throw new CelException($"undeclared reference '{token}'");
            }

            if (token == "has")
            {
                // has() is a macro: its argument must be a field selection, tested for presence.
                var start = position;
                _ = Member();
                var end = position;
                Expect(")");
                if (end - start < 3 || tokens[end - 2] != "." || !IsIdentifier(tokens[end - 1]))
                {
                    throw new CelException($"has() needs a field selection in: {source}");
                }

                var field = tokens[end - 1];
                var targetNode = new Parser(string.Join(' ', tokens.Skip(start).Take(end - 2 - start))).Expression();
                return env => targetNode(env) is IReadOnlyDictionary<string, object?> map
                    ? map.ContainsKey(field)
                    : throw new CelException($"has() on a non-object in: {source}");
            }

            var arguments = Arguments(")");
            return token switch
            {
                "size" => env => Size(arguments[0](env)),
                "int" => env => ToInt(arguments[0](env)),
                "string" => env => Convert.ToString(arguments[0](env), CultureInfo.InvariantCulture),
                _ => throw new CelException($"unsupported function '{token}' in: {source}"),
            };
        }

        private List<Node> Arguments(string close)
        {
            var args = new List<Node>();
            if (Accept(close))
            {
                return args;
            }

            do
            {
                args.Add(Expression());
            }
            while (Accept(","));
            Expect(close);
            return args;
        }

        private string Identifier()
        {
            var token = Peek;
            if (token is null || !IsIdentifier(token))
            {
                throw new CelException($"expected an identifier but found '{token ?? "<end>"}' in: {source}");
            }

            position++;
            return token;
        }

        private static bool IsIdentifier(string token) =>
            (char.IsLetter(token[0]) || token[0] == '_') && token.All(c => char.IsLetterOrDigit(c) || c == '_');

        private static List<string> Tokenize(string text)
        {
            var result = new List<string>();
            var i = 0;
            while (i < text.Length)
            {
                var c = text[i];
                if (char.IsWhiteSpace(c))
                {
                    i++;
                }
                else if (c is '\'' or '"')
                {
                    var builder = new StringBuilder().Append(c);
                    i++;
                    while (i < text.Length && text[i] != c)
                    {
                        if (text[i] == '\\' && i + 1 < text.Length)
                        {
                            builder.Append(text[i++]);
                        }

                        builder.Append(text[i++]);
                    }

                    if (i >= text.Length)
                    {
                        throw new CelException($"unterminated string in: {text}");
                    }

                    result.Add(builder.Append(text[i++]).ToString());
                }
                else if (char.IsLetterOrDigit(c) || c == '_')
                {
                    var start = i;
                    while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] == '_' || (char.IsDigit(c) && text[i] == '.')))
                    {
                        i++;
                    }

                    result.Add(text[start..i]);
                }
                else
                {
                    var two = i + 1 < text.Length ? text.Substring(i, 2) : null;
                    if (two is "&&" or "||" or "==" or "!=" or "<=" or ">=")
                    {
                        result.Add(two);
                        i += 2;
                    }
                    else if ("!<>+-*/%?:.,()[]".Contains(c, StringComparison.Ordinal))
                    {
                        result.Add(c.ToString());
                        i++;
                    }
                    else
                    {
                        throw new CelException($"unexpected character '{c}' in: {text}");
                    }
                }
            }

            return result;
        }
    }

    private static Dictionary<string, object?> With(IReadOnlyDictionary<string, object?> env, string name, object? value) =>
        new(env, StringComparer.Ordinal) { [name] = value };

    private static object? Select(object? target, string name) => target is IReadOnlyDictionary<string, object?> map
        ? map.TryGetValue(name, out var value) ? value : throw new CelException($"no such key: {name}")
        : throw new CelException($"cannot select '{name}' from {target ?? "null"}");

    private static object? Index(object? target, object? index) => (target, index) switch
    {
        (List<object?> list, long i) when i >= 0 && i < list.Count => list[(int)i],
        (IReadOnlyDictionary<string, object?> map, string key) when map.TryGetValue(key, out var value) => value,
        _ => throw new CelException($"invalid index {index}"),
    };

    private static long Size(object? value) => value switch
    {
        string s => s.Length,
        List<object?> list => list.Count,
        IReadOnlyDictionary<string, object?> map => map.Count,
        _ => throw new CelException($"size() of {value ?? "null"}"),
    };

    private static long ToInt(object? value) => value switch
    {
        long l => l,
        double d => (long)d,
        string s when long.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l) => l,
        _ => throw new CelException($"int() of '{value}'"),
    };

    private static bool AsBool(object? value) => value as bool? ?? throw new CelException($"expected a bool, got {value ?? "null"}");

    private static string AsString(object? value) => value as string ?? throw new CelException($"expected a string, got {value ?? "null"}");

    private static List<object?> AsList(object? value) => value as List<object?> ?? throw new CelException($"expected a list, got {value ?? "null"}");

    private static bool Equal(object? a, object? b) => (a, b) switch
    {
        (long x, double y) => x == y,
        (double x, long y) => x == y,
        (List<object?> x, List<object?> y) => x.Count == y.Count && x.Zip(y).All(p => Equal(p.First, p.Second)),
        _ => Equals(a, b),
    };

    private static bool Compare(string op, object? a, object? b)
    {
        var c = (a, b) switch
        {
            (long x, long y) => x.CompareTo(y),
            (long or double, long or double) => Convert.ToDouble(a, CultureInfo.InvariantCulture).CompareTo(Convert.ToDouble(b, CultureInfo.InvariantCulture)),
            (string x, string y) => string.CompareOrdinal(x, y),
            _ => throw new CelException($"cannot compare {a} and {b}"),
        };
        return op switch { "<" => c < 0, "<=" => c <= 0, ">" => c > 0, _ => c >= 0 };
    }

    private static object Arithmetic(string op, object? a, object? b) => (op, a, b) switch
    {
        ("+", long x, long y) => x + y,
        ("-", long x, long y) => x - y,
        ("*", long x, long y) => x * y,
        ("/", long x, long y) => y == 0 ? throw new CelException("division by zero") : x / y,
        ("%", long x, long y) => y == 0 ? throw new CelException("modulus by zero") : x % y,
        ("+", string x, string y) => x + y,
        ("+", List<object?> x, List<object?> y) => x.Concat(y).ToList(),
        ("+", double x, double y) => x + y,
        ("-", double x, double y) => x - y,
        _ => throw new CelException($"no overload for {a} {op} {b}"),
    };
}

internal sealed class CelException(string message) : Exception(message);
