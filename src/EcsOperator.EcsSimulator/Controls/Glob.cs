using System.Text.RegularExpressions;

namespace EcsOperator.Simulator.Controls;

/// <summary>Matches names against patterns where <c>*</c> stands for any run of characters.</summary>
internal static class Glob
{
    public static bool IsMatch(string pattern, string value)
    {
        var regex = "^" + Regex.Escape(pattern).Replace("\\*", ".*", StringComparison.Ordinal) + "$";
        return Regex.IsMatch(value, regex, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    }
}
