using EcsOperator.Aws.Model.Ecs;
using EcsOperator.Reconcilers.Services;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace EcsOperator.Host.Tests.Services;

public sealed class ServiceSnapshotsTests
{
    private static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(5);

    private static Service Described(string name) => new()
    {
        ServiceName = name,
        ClusterArn = "arn:aws:ecs:us-east-1:123456789012:cluster/default",
        Status = "ACTIVE",
    };

    [Fact]
    public void A_description_nobody_takes_is_dropped_once_too_old_to_be_taken_and_a_young_one_is_still_served()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UnixEpoch);
        var snapshots = new ServiceSnapshots(time, MaxAge);
        snapshots.Put(Described("old"), snapshots.BeginRead());
        time.Advance(TimeSpan.FromSeconds(3));
        snapshots.Put(Described("young"), snapshots.BeginRead());
        time.Advance(TimeSpan.FromSeconds(3));

        Assert.Null(snapshots.Take("default", "unrelated", MaxAge)); // any use sweeps: "old" is 6 s old, "young" 3 s
        Assert.Equal(1, snapshots.Count);
        Assert.Equal("young", snapshots.Take("default", "young", MaxAge)?.ServiceName);
        Assert.Null(snapshots.Take("default", "old", MaxAge));
        Assert.Equal(0, snapshots.Count);
    }

    [Fact]
    public void A_description_is_served_up_to_its_max_age_across_sweeps_and_once_only()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UnixEpoch);
        var snapshots = new ServiceSnapshots(time, MaxAge);
        time.Advance(TimeSpan.FromSeconds(4));
        snapshots.Put(Described("a"), snapshots.BeginRead());
        time.Advance(TimeSpan.FromSeconds(2)); // a sweep is due now, "a" is 2 s old
        snapshots.Put(Described("b"), snapshots.BeginRead());
        time.Advance(MaxAge - TimeSpan.FromSeconds(2));
        Assert.Equal("a", snapshots.Take("default", "a", MaxAge)?.ServiceName);
        Assert.Null(snapshots.Take("default", "a", MaxAge));
        Assert.Equal("b", snapshots.Take("arn:aws:ecs:us-east-1:123456789012:cluster/default", "b", MaxAge)?.ServiceName);
    }

    [Fact]
    public void A_read_that_began_before_a_change_is_still_refused_after_sweeps()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UnixEpoch);
        var snapshots = new ServiceSnapshots(time, MaxAge);
        var mark = snapshots.BeginRead();
        snapshots.Invalidate("default", "svc");
        for (var i = 0; i < 3; i++)
        {
            time.Advance(MaxAge + TimeSpan.FromSeconds(1));
            Assert.Null(snapshots.Take("default", "other", MaxAge)); // sweeps
        }

        snapshots.Put(Described("svc"), mark);
        Assert.Null(snapshots.Take("default", "svc", MaxAge));
        snapshots.Put(Described("svc"), snapshots.BeginRead());
        Assert.NotNull(snapshots.Take("default", "svc", MaxAge));
    }

    [Fact]
    public void Changes_are_forgotten_once_older_than_any_read_that_may_still_put_and_such_a_read_is_refused()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UnixEpoch);
        var snapshots = new ServiceSnapshots(time, MaxAge);
        var before = snapshots.BeginRead();
        for (var i = 0; i < 100; i++)
            snapshots.Invalidate("default", $"svc-{i}");
        Assert.Equal(100, snapshots.ChangeCount);

        time.Advance(MaxAge + TimeSpan.FromSeconds(1));
        var recent = snapshots.BeginRead();
        Assert.Null(snapshots.Take("default", "other", MaxAge)); // sweeps
        Assert.Equal(0, snapshots.ChangeCount);

        // The read that began before the (forgotten) change of svc-0 is refused; one that began after it is served.
        snapshots.Put(Described("svc-0"), before);
        Assert.Null(snapshots.Take("default", "svc-0", MaxAge));
        snapshots.Put(Described("svc-0"), recent);
        Assert.Equal("svc-0", snapshots.Take("default", "svc-0", MaxAge)?.ServiceName);
    }

    [Fact]
    public void A_read_that_began_before_a_change_in_the_same_clock_tick_is_refused()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UnixEpoch);
        var snapshots = new ServiceSnapshots(time, MaxAge);
        var mark = snapshots.BeginRead();
        snapshots.Invalidate("default", "svc"); // the clock has not moved: marks still order read and change
        var after = snapshots.BeginRead();
        snapshots.Put(Described("svc"), mark);
        Assert.Null(snapshots.Take("default", "svc", MaxAge));
        snapshots.Put(Described("svc"), after);
        Assert.NotNull(snapshots.Take("default", "svc", MaxAge));
    }
}
