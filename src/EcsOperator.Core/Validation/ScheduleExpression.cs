using System.Globalization;
using System.Text.RegularExpressions;

namespace EcsOperator.Core.Validation;

/// <summary>
/// Checks Application Auto Scaling schedule expressions — <c>at(yyyy-mm-ddThh:mm:ss)</c>, <c>rate(value unit)</c>
/// and six-field <c>cron(minutes hours day-of-month month day-of-week year)</c> — before they reach AWS, so a typo
/// is reported against the field instead of as a remote ValidationException.
/// </summary>
public static partial class ScheduleExpression
{
    private sealed record CronField(string Name, int Min, int Max, string[] Names, string ExtraSpecials);

    private static readonly string[] Months = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"];
    private static readonly string[] Days = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"];

    private static readonly CronField[] CronFields =
    [
        new("minutes", 0, 59, [], ""),
        new("hours", 0, 23, [], ""),
        new("day-of-month", 1, 31, [], "?LW"),
        new("month", 1, 12, Months, ""),
        new("day-of-week", 1, 7, Days, "?L#"),
        new("year", 1970, 2199, [], ""),
    ];

    /// <summary>Null when <paramref name="expression"/> is well formed; otherwise what is wrong with it.</summary>
    public static string? Check(string? expression)
    {
        if (string.IsNullOrWhiteSpace(expression))
            return "a schedule is required: at(yyyy-mm-ddThh:mm:ss), rate(value unit) or cron(fields)";

        var text = expression.Trim();
        if (text.StartsWith("at(", StringComparison.Ordinal) && text.EndsWith(')'))
            return CheckAt(text[3..^1]);
        if (text.StartsWith("rate(", StringComparison.Ordinal) && text.EndsWith(')'))
            return CheckRate(text[5..^1]);
        if (text.StartsWith("cron(", StringComparison.Ordinal) && text.EndsWith(')'))
            return CheckCron(text[5..^1]);
        return $"'{text}' is not a schedule: use at(yyyy-mm-ddThh:mm:ss), rate(value unit) or cron(fields)";
    }

    private static string? CheckAt(string body) =>
        DateTime.TryParseExact(body, "yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
            ? null
            : $"at({body}) needs a date and time like at(2026-12-31T23:00:00)";

    private static string? CheckRate(string body)
    {
        var match = RatePattern().Match(body);
        if (!match.Success)
            return $"rate({body}) needs a positive whole number and a unit: minute(s), hour(s) or day(s), e.g. rate(5 minutes)";
        if (!int.TryParse(match.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value <= 0)
            return $"rate({body}) needs a value of 1 or more";
        return null;
    }

    private static string? CheckCron(string body)
    {
        var parts = body.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != CronFields.Length)
        {
            return $"cron({body}) has {parts.Length} fields; it needs 6: minutes hours day-of-month month day-of-week year";
        }

        for (var i = 0; i < parts.Length; i++)
        {
            var error = CheckCronField(parts[i], CronFields[i]);
            if (error is not null)
                return $"cron({body}): {error}";
        }

        var dayOfMonthAny = parts[2] == "?";
        var dayOfWeekAny = parts[4] == "?";
        if (dayOfMonthAny == dayOfWeekAny)
        {
            return $"cron({body}): exactly one of day-of-month and day-of-week must be '?'";
        }

        return null;
    }

    private static string? CheckCronField(string value, CronField field)
    {
        if (value == "*")
            return null;
        if (value == "?")
            return field.ExtraSpecials.Contains('?', StringComparison.Ordinal) ? null : $"'?' is not allowed in {field.Name}";

        foreach (var item in value.Split(','))
        {
            var error = CheckCronItem(item, field);
            if (error is not null)
                return error;
        }

        return null;
    }

    private static string? CheckCronItem(string item, CronField field)
    {
        var invalid = $"'{item}' is not a valid {field.Name} value ({field.Min}-{field.Max}{(field.Names.Length > 0 ? " or " + field.Names[0] + "-" + field.Names[^1] : string.Empty)})";
        var (range, step) = item.Split('/') switch
        {
            [var r] => (r, (string?)null),
            [var r, var s] => (r, s),
            _ => (string.Empty, null),
        };
        if (range.Length == 0)
            return invalid;
        if (step is not null && (!int.TryParse(step, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n <= 0))
            return invalid;

        if (field.ExtraSpecials.Contains('L', StringComparison.Ordinal) && (range == "L" || (range.EndsWith('L') && IsValue(range[..^1], field))))
            return null;
        if (field.ExtraSpecials.Contains('W', StringComparison.Ordinal) && range.EndsWith('W') && IsValue(range[..^1], field))
            return null;
        if (field.ExtraSpecials.Contains('#', StringComparison.Ordinal) && range.Split('#') is [var day, var nth])
            return IsValue(day, field) && nth is "1" or "2" or "3" or "4" or "5" ? null : invalid;

        if (range == "*")
            return null;
        return range.Split('-') switch
        {
            [var single] => IsValue(single, field) ? null : invalid,
            [var from, var to] => IsValue(from, field) && IsValue(to, field) ? null : invalid,
            _ => invalid,
        };
    }

    private static bool IsValue(string text, CronField field)
    {
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            return number >= field.Min && number <= field.Max;
        return Array.IndexOf(field.Names, text.ToUpperInvariant()) >= 0;
    }

    [GeneratedRegex(@"^\s*(\d+)\s+(minute|minutes|hour|hours|day|days)\s*$")]
    private static partial Regex RatePattern();
}
