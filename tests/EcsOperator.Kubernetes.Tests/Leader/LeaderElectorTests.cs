using EcsOperator.Kubernetes.Leader;
using Xunit;
using Microsoft.Extensions.Time.Testing;

namespace EcsOperator.Kubernetes.Tests.Leader;

public sealed class LeaderElectorTests
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;
    private readonly FakeTimeProvider _time = new();
    private readonly InMemoryLeaseStore _store = new();
    private readonly List<(string Id, bool Leading, DateTimeOffset At)> _transitions = [];

    [Fact]
    public async Task Exactly_one_of_two_replicas_leads()
    {
        var (a, _) = Elector("a");
        var (b, _) = Elector("b");
        using var stop = new CancellationTokenSource();
        var runs = new[] { Run(a, stop.Token), Run(b, stop.Token) };
        await DriveAsync(TimeSpan.FromSeconds(60));
        Assert.True(a.IsLeader ^ b.IsLeader, $"a={a.IsLeader} b={b.IsLeader}");
        Assert.Equal(a.IsLeader ? "a" : "b", _store.Current?.Spec?.HolderIdentity);
        await stop.CancelAsync();
        await DriveUntilAsync(() => runs.All(r => r.IsCompleted));
        AssertNoOverlap();
    }

    [Fact]
    public async Task When_the_leader_stops_renewing_it_steps_down_within_the_renew_deadline_and_the_other_takes_over_within_the_lease_duration()
    {
        var (a, aLock) = Elector("a");
        var (b, _) = Elector("b");
        using var stop = new CancellationTokenSource();
        var workCancelledAt = (DateTimeOffset?)null;
        var runA = a.RunAsync(async token =>
        {
            try
            {
                await Task.Delay(Timeout.Infinite, token);
            }
            catch (OperationCanceledException)
            {
                workCancelledAt = _time.GetUtcNow();
            }
        }, stop.Token);
        await DriveUntilAsync(() => a.IsLeader);
        var runB = Run(b, stop.Token);
        await DriveAsync(TimeSpan.FromSeconds(20));
        Assert.True(a.IsLeader);
        Assert.False(b.IsLeader);

        var partitionedAt = _time.GetUtcNow();
        aLock.Partitioned = true;
        await DriveUntilAsync(() => b.IsLeader);
        var takeover = _time.GetUtcNow() - partitionedAt;
        var stepDown = _transitions.Single(t => t.Id == "a" && !t.Leading).At - partitionedAt;

        Assert.True(stepDown <= TimeSpan.FromSeconds(10), $"old leader stepped down after {stepDown}");
        Assert.NotNull(workCancelledAt);
        Assert.True(workCancelledAt <= partitionedAt + TimeSpan.FromSeconds(10.5), "leader work token cancelled at the deadline");
        // Lease duration counted from when the follower saw the last renewal, plus at most one (jittered) retry
        // period of observation lag on either side.
        Assert.True(takeover <= TimeSpan.FromSeconds(15) + TimeSpan.FromSeconds(2 * 2.4), $"takeover after {takeover}");
        Assert.True(takeover >= stepDown, "the follower took over only after the old leader stepped down");
        await DriveUntilAsync(() => runA.IsCompleted);
        Assert.True(await runA);
        await stop.CancelAsync();
        await DriveUntilAsync(() => runB.IsCompleted);
        AssertNoOverlap();
    }

    [Fact]
    public async Task Releasing_on_shutdown_lets_the_other_replica_take_over_at_once()
    {
        var (a, _) = Elector("a");
        var (b, _) = Elector("b");
        using var stopA = new CancellationTokenSource();
        using var stopB = new CancellationTokenSource();
        var runA = Run(a, stopA.Token);
        await DriveUntilAsync(() => a.IsLeader);
        var runB = Run(b, stopB.Token);
        await DriveAsync(TimeSpan.FromSeconds(5));
        await stopA.CancelAsync();
        await DriveUntilAsync(() => runA.IsCompleted);
        Assert.Null(_store.Current?.Spec?.HolderIdentity);
        var releasedAt = _time.GetUtcNow();
        await DriveUntilAsync(() => b.IsLeader);
        Assert.True(_time.GetUtcNow() - releasedAt <= TimeSpan.FromSeconds(2.5), "took over within one retry period, not a lease duration");
        await stopB.CancelAsync();
        await DriveUntilAsync(() => runB.IsCompleted);
        AssertNoOverlap();
    }

    [Fact]
    public async Task Many_partitions_and_heals_never_produce_two_leaders()
    {
        var electors = Enumerable.Range(0, 3).Select(i => Elector($"r{i}")).ToList();
        using var stop = new CancellationTokenSource();
        var runs = electors.Select(e => RunForever(e.Elector, stop.Token)).ToList();
        var random = new Random(42);
        for (var round = 0; round < 6; round++)
        {
            // Cut the current leader off (and sometimes a follower too), then heal everyone.
            var leader = electors.FirstOrDefault(e => e.Elector.IsLeader);
            if (leader.View is not null)
            {
                leader.View.Partitioned = true;
            }

            if (round % 2 == 1)
            {
                electors[random.Next(electors.Count)].View.Partitioned = true;
            }

            for (var step = 0; step < 200; step++)
            {
                await DriveAsync(TimeSpan.FromMilliseconds(100));
                Assert.True(electors.Count(e => e.Elector.IsLeader) <= 1, "two replicas lead at once");
            }

            foreach (var (_, view) in electors)
            {
                view.Partitioned = false;
            }

            await DriveAsync(TimeSpan.FromSeconds(random.Next(1, 6)));
        }

        await stop.CancelAsync();
        foreach (var (_, view) in electors)
        {
            view.Partitioned = false;
        }

        await DriveUntilAsync(() => runs.All(r => r.IsCompleted));
        Assert.True(_transitions.Where(t => t.Leading).Select(t => t.Id).Distinct().Count() >= 2, "leadership moved between replicas");
        AssertNoOverlap();
    }

    [Fact]
    public void Invalid_timing_is_rejected()
    {
        var ex = Assert.Throws<ArgumentException>(() => new LeaderElector(_store.ViewFor(_time),
            new LeaderElectionOptions { Identity = "x", RenewDeadline = TimeSpan.FromSeconds(20) }, _time));
        Assert.Contains("RenewDeadline", ex.Message, StringComparison.Ordinal);
    }

    private (LeaderElector Elector, InMemoryLeaseStore.View View) Elector(string id)
    {
        var view = _store.ViewFor(_time);
        var elector = new LeaderElector(view, new LeaderElectionOptions { Identity = id }, _time);
        elector.LeadershipChanged += leading =>
        {
            lock (_transitions)
            {
                _transitions.Add((id, leading, _time.GetUtcNow()));
            }
        };
        return (elector, view);
    }

    private static Task<bool> Run(LeaderElector elector, CancellationToken token) =>
        elector.RunAsync(t => Task.Delay(Timeout.Infinite, t), token);

    /// <summary>Like a Deployment restarting a replica that lost the lease: campaign again.</summary>
    private static async Task RunForever(LeaderElector elector, CancellationToken token)
    {
        while (!token.IsCancellationRequested)
        {
            await elector.RunAsync(t => Task.Delay(Timeout.Infinite, t), token);
        }
    }

    private async Task DriveAsync(TimeSpan simulated)
    {
        var step = TimeSpan.FromMilliseconds(100);
        for (var t = TimeSpan.Zero; t < simulated; t += step)
        {
            _time.Advance(step);
            await Task.Delay(1, Ct);
        }
    }

    private async Task DriveUntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 1200 && !condition(); i++)
        {
            _time.Advance(TimeSpan.FromMilliseconds(100));
            await Task.Delay(1, Ct);
        }

        Assert.True(condition(), "condition not reached within 120 simulated seconds");
    }

    private void AssertNoOverlap()
    {
        List<(string Id, DateTimeOffset From, DateTimeOffset To)> intervals = [];
        lock (_transitions)
        {
            foreach (var group in _transitions.GroupBy(t => t.Id))
            {
                DateTimeOffset? from = null;
                foreach (var t in group)
                {
                    if (t.Leading)
                    {
                        from = t.At;
                    }
                    else if (from is { } f)
                    {
                        intervals.Add((group.Key, f, t.At));
                        from = null;
                    }
                }

                if (from is { } open)
                {
                    intervals.Add((group.Key, open, DateTimeOffset.MaxValue));
                }
            }
        }

        foreach (var x in intervals)
        {
            foreach (var y in intervals.Where(y => y.Id != x.Id))
            {
                Assert.False(x.From < y.To && y.From < x.To, $"{x.Id} [{x.From:HH:mm:ss.f}-{x.To:HH:mm:ss.f}] overlaps {y.Id} [{y.From:HH:mm:ss.f}-{y.To:HH:mm:ss.f}]");
            }
        }
    }
}
