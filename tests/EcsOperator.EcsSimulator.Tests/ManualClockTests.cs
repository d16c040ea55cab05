namespace EcsOperator.Simulator.Tests;

public sealed class ManualClockTests
{
    [Fact]
    public async Task Delay_on_the_clock_completes_only_when_time_is_advanced_past_it()
    {
        var clock = new ManualClock();
        var delay = Task.Delay(TimeSpan.FromSeconds(30), clock, TestContext.Current.CancellationToken);

        clock.Advance(TimeSpan.FromSeconds(29));
        var early = delay.IsCompleted;
        clock.Advance(TimeSpan.FromSeconds(1));
        await delay.WaitAsync(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);

        Assert.False(early);
        Assert.Equal(0, clock.PendingTimers);
    }

    [Fact]
    public void Periodic_timers_fire_once_per_period_at_their_due_time()
    {
        var clock = new ManualClock();
        var start = clock.GetUtcNow();
        var fired = new List<TimeSpan>();
        using var timer = clock.CreateTimer(_ => fired.Add(clock.GetUtcNow() - start), null, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(10));

        clock.Advance(TimeSpan.FromSeconds(35));
        timer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        clock.Advance(TimeSpan.FromSeconds(60));

        Assert.Equal([TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(30)], fired);
        Assert.Equal(start + TimeSpan.FromSeconds(95), clock.GetUtcNow());
    }

    [Fact]
    public void Disposed_timers_never_fire_and_timestamps_follow_the_clock()
    {
        var clock = new ManualClock();
        var fired = 0;
        var timer = clock.CreateTimer(_ => fired++, null, TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan);
        var before = clock.GetTimestamp();

        timer.Dispose();
        clock.Advance(TimeSpan.FromSeconds(5));

        Assert.Equal(0, fired);
        Assert.Equal(TimeSpan.FromSeconds(5), clock.GetElapsedTime(before));
        Assert.Throws<ArgumentOutOfRangeException>(() => clock.Advance(TimeSpan.FromSeconds(-1)));
    }

    [Fact]
    public async Task Simulator_ticks_fire_timers_of_code_sharing_its_clock()
    {
        await using var sim = await EcsSimulator.StartAsync(cancellationToken: TestContext.Current.CancellationToken);
        var requeue = Task.Delay(TimeSpan.FromSeconds(40), sim.Clock, TestContext.Current.CancellationToken);

        sim.Tick(2);
        var afterTwo = requeue.IsCompleted;
        sim.Tick();
        await requeue.WaitAsync(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);

        Assert.False(afterTwo);
    }
}
