namespace EcsOperator.Core.Tenancy;

/// <summary>
/// IAM StringLike matching: the pattern matches the whole value, <c>*</c> any run of characters (including none,
/// <c>/</c> and <c>:</c>), <c>?</c> exactly one character. The admission policy builds the same match as a regex.
/// </summary>
public static class GlobPattern
{
    public static bool Matches(string pattern, string value)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        ArgumentNullException.ThrowIfNull(value);
        // Iterative wildcard matching with backtracking to the last '*': linear in practice, no regex timeouts.
        int p = 0, v = 0, star = -1, resume = 0;
        while (v < value.Length)
        {
            if (p < pattern.Length && (pattern[p] == '?' || pattern[p] == value[v]))
            {
                p++;
                v++;
            }
            else if (p < pattern.Length && pattern[p] == '*')
            {
                star = p++;
                resume = v;
            }
            else if (star >= 0)
            {
                p = star + 1;
                v = ++resume;
            }
            else
            {
                return false;
            }
        }

        while (p < pattern.Length && pattern[p] == '*')
        {
            p++;
        }

        return p == pattern.Length;
    }

    /// <summary>Whether any of <paramref name="patterns"/> matches (none given: nothing matches).</summary>
    public static bool MatchesAny(IEnumerable<string>? patterns, string value) =>
        patterns is not null && patterns.Any(p => Matches(p, value));
}
