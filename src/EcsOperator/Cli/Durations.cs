using System.Globalization;
using System.Text.RegularExpressions;

namespace EcsOperator.Cli;

/// <summary>
/// Durations as Kubernetes users write them (<c>30s</c>, <c>5m</c>, <c>1h30m</c>, <c>500ms</c>, as in Go's
/// time.ParseDuration), or .NET's <c>hh:mm:ss</c>.
/// </summary>
public static partial class Durations
{
    [GeneratedRegex(@"^(?:(\d+(?:\.\d+)?)(ms|s|m|h))+$", RegexOptions.CultureInvariant)]
    private static partial Regex GoDuration();

    [GeneratedRegex(@"(\d+(?:\.\d+)?)(ms|s|m|h)", RegexOptions.CultureInvariant)]
    private static partial Regex GoDurationPart();

    /// <summary>Parses <paramref name="text"/>; false when it is neither form.</summary>
    public static bool TryParse(string? text, out TimeSpan value)
    {
        value = default;
        if (string.IsNullOrWhiteSpace(text))
            return false;
        text = text.Trim();
        if (GoDuration().IsMatch(text))
        {
            double ms = 0;
            foreach (Match part in GoDurationPart().Matches(text))
            {
                var n = double.Parse(part.Groups[1].Value, CultureInfo.InvariantCulture);
                ms += part.Groups[2].Value switch
                {
                    "ms" => n,
                    "s" => n * 1000,
                    "m" => n * 60_000,
                    _ => n * 3_600_000,
                };
            }

            if (ms > TimeSpan.MaxValue.TotalMilliseconds)
                return false;
            value = TimeSpan.FromMilliseconds(ms);
            return true;
        }

        return text.Contains(':', StringComparison.Ordinal) && TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out value);
    }
}
