using System.Text.RegularExpressions;

namespace EcsOperator.Core.Validation;

/// <summary>
/// Application Auto Scaling takes IANA time zone names (Europe/Berlin, Etc/GMT+9, UTC). The names are looked up in the
/// system's tz database (on Linux it does not depend on ICU, so InvariantGlobalization does not matter); in an image
/// without tzdata they are checked only by form, so a correct name is never refused.
/// </summary>
internal static partial class TimeZones
{
    private static readonly Lazy<bool> HasDatabase = new(() => TimeZoneInfo.TryFindSystemTimeZoneById("America/New_York", out _));

    /// <summary>Null for an IANA zone name; otherwise what is wrong. Windows names ("Pacific Standard Time") are refused by form.</summary>
    public static string? Check(string zone)
    {
        var known = IanaPattern().IsMatch(zone) && (!HasDatabase.Value || TimeZoneInfo.TryFindSystemTimeZoneById(zone, out _));
        return known ? null : $"'{zone}' is not an IANA time zone: use a name like Europe/Berlin, America/New_York or UTC";
    }

    [GeneratedRegex("^([A-Z][A-Za-z0-9_+-]*(/[A-Za-z0-9_+-]+){0,2})$")]
    private static partial Regex IanaPattern();
}
