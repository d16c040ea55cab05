namespace EcsOperator.Simulator;

/// <summary>
/// A <see cref="TimeProvider"/> that only moves when told to, so tests drive rollouts deterministically. Timers
/// created from it (<c>Task.Delay(d, clock)</c>, <c>new PeriodicTimer(p, clock)</c>, Polly delays) fire during
/// <see cref="Advance"/> at their due time, so the same clock can drive the simulator and the code under test.
/// </summary>
public sealed class ManualClock : TimeProvider
{
    private readonly Lock _gate = new();
    private readonly List<ManualTimer> _timers = [];
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

    /// <inheritdoc />
    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    /// <inheritdoc />
    public override long GetTimestamp() => GetUtcNow().UtcTicks;

    /// <summary>Number of armed timers (for tests that check nothing is left waiting).</summary>
    public int PendingTimers
    {
        get
        {
            lock (_gate)
            {
                return _timers.Count(t => t.Due is not null);
            }
        }
    }

    /// <summary>
    /// Moves the clock forward, firing due timers in due-time order with the clock set to each one's due time.
    /// A negative span is a bug in the caller.
    /// </summary>
    public void Advance(TimeSpan by)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(by, TimeSpan.Zero);
        DateTimeOffset target;
        lock (_gate)
        {
            target = _now + by;
        }

        while (true)
        {
            ManualTimer? next;
            lock (_gate)
            {
                next = _timers.Where(t => t.Due is { } due && due <= target).MinBy(t => t.Due);
                if (next is null)
                {
                    _now = target;
                    return;
                }

                if (next.Due > _now)
                {
                    _now = next.Due!.Value;
                }

                next.Due = next.Period is { } period ? _now + period : null;
            }

            // Callbacks run outside the lock: they may read the clock or create more timers.
            next.Fire();
        }
    }

    /// <inheritdoc />
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentNullException.ThrowIfNull(callback);
        var timer = new ManualTimer(this, callback, state);
        lock (_gate)
        {
            _timers.Add(timer);
        }

        timer.Change(dueTime, period);
        return timer;
    }

    private void Arm(ManualTimer timer, TimeSpan dueTime, TimeSpan period)
    {
        var fireNow = false;
        lock (_gate)
        {
            if (!_timers.Contains(timer))
            {
                return;
            }

            timer.Period = period == Timeout.InfiniteTimeSpan || period <= TimeSpan.Zero ? null : period;
            if (dueTime == Timeout.InfiniteTimeSpan)
            {
                timer.Due = null;
                return;
            }

            ArgumentOutOfRangeException.ThrowIfLessThan(dueTime, TimeSpan.Zero);
            timer.Due = _now + dueTime;
            if (dueTime == TimeSpan.Zero)
            {
                fireNow = true;
                timer.Due = timer.Period is { } p ? _now + p : null;
            }
        }

        if (fireNow)
        {
            timer.Fire();
        }
    }

    private void Remove(ManualTimer timer)
    {
        lock (_gate)
        {
            _timers.Remove(timer);
        }
    }

    private sealed class ManualTimer(ManualClock clock, TimerCallback callback, object? state) : ITimer
    {
        public DateTimeOffset? Due { get; set; }

        public TimeSpan? Period { get; set; }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            clock.Arm(this, dueTime, period);
            return true;
        }

        public void Fire() => callback(state);

        public void Dispose() => clock.Remove(this);

        public ValueTask DisposeAsync()
        {
            clock.Remove(this);
            return ValueTask.CompletedTask;
        }
    }
}
