namespace EcsOperator.Simulator;

/// <summary>
/// A <see cref="TimeProvider"/> that only moves when told to, so tests drive rollouts deterministically.
/// Timers are not supported: the simulator progresses by explicit ticks, never by timer callbacks.
/// </summary>
public sealed class ManualClock : TimeProvider
{
    private readonly Lock _gate = new();
    private DateTimeOffset _now;

    /// <summary>Starts the clock at <paramref name="start"/> (UTC).</summary>
    public ManualClock(DateTimeOffset start) => _now = start.ToUniversalTime();

    /// <summary>Starts the clock at a fixed, recognisable instant (2025-01-01T00:00:00Z).</summary>
    public ManualClock()
        : this(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero))
    {
    }

    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate)
        {
            return _now;
        }
    }

    /// <summary>Moves the clock forward; a negative span is a bug in the caller.</summary>
    public void Advance(TimeSpan by)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(by, TimeSpan.Zero);
        lock (_gate)
        {
            _now += by;
        }
    }
}
