namespace EcsOperator.Core.Tasks;

/// <summary>When a finished EcsTask is deleted under <c>ttlSecondsAfterFinished</c>.</summary>
public static class TaskTtl
{
    /// <summary>
    /// The instant the object is due for deletion: <paramref name="finishedAt"/> (when the last task stopped) plus
    /// the ttl; null when no ttl is set (keep the object).
    /// </summary>
    public static DateTimeOffset? ExpiresAt(DateTimeOffset finishedAt, int? ttlSecondsAfterFinished) =>
        ttlSecondsAfterFinished is { } ttl ? finishedAt + TimeSpan.FromSeconds(Math.Max(ttl, 0)) : null;

    /// <summary>
    /// How long until the object is due: <see cref="TimeSpan.Zero"/> when it is due now (or overdue), null when it is
    /// never due (no ttl).
    /// </summary>
    public static TimeSpan? Remaining(DateTimeOffset finishedAt, int? ttlSecondsAfterFinished, DateTimeOffset now) =>
        ExpiresAt(finishedAt, ttlSecondsAfterFinished) is { } expiry
            ? expiry > now ? expiry - now : TimeSpan.Zero
            : null;
}
