using System.Globalization;
using System.Text;

namespace EcsOperator.Observability.Prometheus;

/// <summary>
/// Names, escaping and numbers of the Prometheus text exposition format 0.0.4, with OpenTelemetry's rules for
/// turning instrument names and units into metric names (<c>k8s.controller.reconcile.duration</c> in seconds becomes
/// <c>k8s_controller_reconcile_duration_seconds</c>; counters end in <c>_total</c>).
/// </summary>
public static class PrometheusText
{
    /// <summary>The Content-Type of a scrape response.</summary>
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    /// <summary>The metric (family) name of an instrument.</summary>
    public static string MetricName(string instrumentName, string? unit, bool monotonicCounter)
    {
        ArgumentException.ThrowIfNullOrEmpty(instrumentName);
        var name = Sanitize(instrumentName, allowColon: true);
        if (UnitSuffix(unit) is { } suffix && !name.EndsWith("_" + suffix, StringComparison.Ordinal))
            name += "_" + suffix;
        if (monotonicCounter && !name.EndsWith("_total", StringComparison.Ordinal))
            name += "_total";
        return name;
    }

    /// <summary>A valid label name: invalid characters become '_', a leading digit gets a '_' prefix.</summary>
    public static string LabelName(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return key.Length == 0 ? "_" : Sanitize(key, allowColon: false);
    }

    /// <summary>A label value between double quotes: backslash, double quote and line feed escaped.</summary>
    public static string EscapeLabelValue(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.AsSpan().IndexOfAny('\\', '"', '\n') < 0)
            return value;
        var sb = new StringBuilder(value.Length + 8);
        foreach (var c in value)
        {
            sb.Append(c switch
            {
                '\\' => @"\\",
                '"' => "\\\"",
                '\n' => @"\n",
                _ => c.ToString(),
            });
        }

        return sb.ToString();
    }

    /// <summary>HELP text: backslash and line feed escaped.</summary>
    public static string EscapeHelp(string help)
    {
        ArgumentNullException.ThrowIfNull(help);
        return help.Replace(@"\", @"\\", StringComparison.Ordinal).Replace("\n", @"\n", StringComparison.Ordinal);
    }

    /// <summary>A sample value: Go float syntax, with +Inf, -Inf and NaN spelled as Prometheus expects.</summary>
    public static string Value(double value)
    {
        if (double.IsPositiveInfinity(value))
            return "+Inf";
        if (double.IsNegativeInfinity(value))
            return "-Inf";
        if (double.IsNaN(value))
            return "NaN";
        return value.ToString("R", CultureInfo.InvariantCulture);
    }

    /// <summary>The text of a tag value (numbers invariant, booleans lowercase).</summary>
    public static string TagValue(object? value) => value switch
    {
        null => "",
        string s => s,
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    /// <summary>
    /// The unit suffix per OpenTelemetry's Prometheus compatibility rules: annotations in braces carry no unit;
    /// UCUM units get their Prometheus word (s -> seconds).
    /// </summary>
    private static string? UnitSuffix(string? unit)
    {
        if (string.IsNullOrWhiteSpace(unit))
            return null;
        var withoutAnnotations = System.Text.RegularExpressions.Regex.Replace(unit, @"\{[^}]*\}", "").Trim();
        return withoutAnnotations switch
        {
            "" or "1" => null,
            "s" => "seconds",
            "ms" => "milliseconds",
            "us" => "microseconds",
            "ns" => "nanoseconds",
            "min" => "minutes",
            "h" => "hours",
            "By" => "bytes",
            "KiBy" => "kibibytes",
            "MiBy" => "mebibytes",
            "%" => "percent",
            var other => Sanitize(other.Replace("/", "_per_", StringComparison.Ordinal), allowColon: false).Trim('_') is { Length: > 0 } s ? s : null,
        };
    }

    private static string Sanitize(string text, bool allowColon)
    {
        var sb = new StringBuilder(text.Length + 1);
        var lastUnderscore = false;
        foreach (var c in text)
        {
            var ok = c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '_' || (allowColon && c == ':');
            var ch = ok ? c : '_';
            // Runs of replaced characters collapse to one '_' ("a..b" -> "a_b"), as OpenTelemetry's exporters do.
            if (ch == '_' && lastUnderscore && !ok)
                continue;
            sb.Append(ch);
            lastUnderscore = ch == '_';
        }

        if (sb.Length > 0 && char.IsAsciiDigit(sb[0]))
            sb.Insert(0, '_');
        return sb.ToString();
    }
}
