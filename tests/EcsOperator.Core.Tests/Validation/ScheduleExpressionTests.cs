using EcsOperator.Core.Validation;

namespace EcsOperator.Core.Tests.Validation;

public sealed class ScheduleExpressionTests
{
    [Theory]
    [InlineData("at(2026-12-31T23:00:00)")]
    [InlineData("rate(5 minutes)")]
    [InlineData("rate(1 hour)")]
    [InlineData("rate(2 days)")]
    [InlineData("cron(0 8 ? * MON-FRI *)")]
    [InlineData("cron(0/15 * * * ? *)")]
    [InlineData("cron(30 18 L * ? 2027)")]
    [InlineData("cron(0 9 ? JAN-MAR 2#1 *)")]
    [InlineData("cron(0 0 15W * ? *)")]
    [InlineData("cron(5,35 14 * * ? *)")]
    public void Accepts_well_formed_expressions(string expression) => Assert.Null(ScheduleExpression.Check(expression));

    [Theory]
    [InlineData("", "a schedule is required")]
    [InlineData("every day", "is not a schedule")]
    [InlineData("at(2026-13-01T00:00:00)", "needs a date and time")]
    [InlineData("at(tomorrow)", "needs a date and time")]
    [InlineData("rate(0 minutes)", "needs a value of 1 or more")]
    [InlineData("rate(5 weeks)", "minute(s), hour(s) or day(s)")]
    [InlineData("cron(0 8 * * *)", "it needs 6")]
    [InlineData("cron(0 8 * * MON-FRI *)", "exactly one of day-of-month and day-of-week")]
    [InlineData("cron(0 8 ? * ? *)", "exactly one of day-of-month and day-of-week")]
    [InlineData("cron(60 8 ? * MON *)", "minutes")]
    [InlineData("cron(0 24 ? * MON *)", "hours")]
    [InlineData("cron(0 8 ? FOO MON *)", "month")]
    [InlineData("cron(0 8 ? * MON 1969)", "year")]
    [InlineData("cron(0/0 8 ? * MON *)", "minutes")]
    [InlineData("cron(0 ? * * ? *)", "'?' is not allowed in hours")]
    public void Rejects_malformed_expressions_with_a_reason(string expression, string expected)
    {
        var message = ScheduleExpression.Check(expression);
        Assert.NotNull(message);
        Assert.Contains(expected, message, StringComparison.Ordinal);
    }
}
