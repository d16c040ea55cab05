using System.Collections.Concurrent;
using Xunit;
using EcsOperator.Kubernetes.Queue;
using EcsOperator.Kubernetes.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace EcsOperator.Kubernetes.Tests.Queue;

public sealed class WorkQueueTests
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Adding_a_queued_key_again_does_not_duplicate_it()
    {
        using var queue = new WorkQueue<string>();
        queue.Add("a");
        queue.Add("b");
        queue.Add("a");
        Assert.Equal(2, queue.Count);
        var first = await queue.GetAsync(Ct);
        var second = await queue.GetAsync(Ct);
        Assert.Equal(("a", "b"), (first.Key, second.Key));
        Assert.Equal(0, queue.Count);
    }

    [Fact]
    public async Task A_key_added_while_processing_is_not_handed_out_until_done_and_then_runs_again()
    {
        using var queue = new WorkQueue<string>();
        queue.Add("a");
        var (_, key) = await queue.GetAsync(Ct);
        queue.Add("a");
        Assert.Equal(0, queue.Count); // not available to a second worker while in flight
        var pending = queue.GetAsync(Ct);
        await Task.Delay(20, Ct);
        Assert.False(pending.IsCompleted);
        queue.Done(key);
        var again = await pending.WaitAsync(TimeSpan.FromSeconds(5), Ct);
        Assert.Equal("a", again.Key);
        queue.Done("a");
        Assert.Equal(0, queue.Count);
    }

    [Fact]
    public async Task Many_workers_never_process_one_key_concurrently_and_every_add_is_eventually_processed()
    {
        using var queue = new WorkQueue<int>();
        var inFlight = new ConcurrentDictionary<int, int>();
        var violations = 0;
        var lastProcessedVersion = new ConcurrentDictionary<int, int>();
        var latestVersion = new int[10];
        using var stop = new CancellationTokenSource();
        var workers = Enumerable.Range(0, 16).Select(_ => Task.Run(async () =>
        {
            while (true)
            {
                var (ok, key) = await queue.GetAsync(CancellationToken.None);
                if (!ok)
                {
                    return;
                }

                var seen = Volatile.Read(ref latestVersion[key]);
                if (inFlight.AddOrUpdate(key, 1, (_, n) => n + 1) > 1)
                {
                    Interlocked.Increment(ref violations);
                }

                await Task.Yield();
                inFlight.AddOrUpdate(key, 0, (_, n) => n - 1);
                lastProcessedVersion[key] = seen;
                queue.Done(key);
            }
        })).ToArray();

        var producers = Enumerable.Range(0, 4).Select(p => Task.Run(() =>
        {
            for (var i = 0; i < 5000; i++)
            {
                var key = (i + p) % 10;
                Interlocked.Increment(ref latestVersion[key]);
                queue.Add(key);
            }
        })).ToArray();
        await Task.WhenAll(producers);

        // Every key's newest version must be seen by some processing that started after it was added.
        await Eventually.TrueAsync(
            () => Enumerable.Range(0, 10).All(k => lastProcessedVersion.GetValueOrDefault(k) == Volatile.Read(ref latestVersion[k])) && queue.InFlightCount == 0,
            "all keys processed at their latest version");
        queue.ShutDown();
        await Task.WhenAll(workers);
        Assert.Equal(0, violations);
    }

    [Fact]
    public void Rate_limited_backoff_doubles_per_failure_caps_and_resets_on_forget()
    {
        var time = new FakeTimeProvider();
        using var queue = new WorkQueue<string>(new WorkQueueOptions { BaseDelay = TimeSpan.FromMilliseconds(5), MaxDelay = TimeSpan.FromMilliseconds(40) }, time);
        var delays = new List<TimeSpan>();
        for (var i = 0; i < 6; i++)
        {
            delays.Add(MeasureDelay(queue, time, "k"));
        }

        Assert.Equal(new[] { 5, 10, 20, 40, 40, 40 }, delays.Select(d => (int)d.TotalMilliseconds));
        Assert.Equal(6, queue.NumRequeues("k"));
        queue.Forget("k");
        Assert.Equal(0, queue.NumRequeues("k"));
        Assert.Equal(5, (int)MeasureDelay(queue, time, "k").TotalMilliseconds);
    }

    [Fact]
    public void Overall_token_bucket_limits_retries_across_keys()
    {
        var time = new FakeTimeProvider();
        using var queue = new WorkQueue<string>(new WorkQueueOptions { BaseDelay = TimeSpan.FromMilliseconds(1), RetryQps = 10, RetryBurst = 2 }, time);
        queue.AddRateLimited("a");
        queue.AddRateLimited("b");
        queue.AddRateLimited("c"); // third retry within the same instant must wait for a token: 100 ms
        time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(2, queue.Count);
        time.Advance(TimeSpan.FromMilliseconds(98));
        Assert.Equal(2, queue.Count);
        time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(3, queue.Count);
    }

    [Fact]
    public void AddAfter_delays_the_key_and_the_earliest_time_wins()
    {
        var time = new FakeTimeProvider();
        using var queue = new WorkQueue<string>(timeProvider: time);
        queue.AddAfter("a", TimeSpan.FromSeconds(10));
        queue.AddAfter("a", TimeSpan.FromSeconds(3));
        queue.AddAfter("a", TimeSpan.FromSeconds(20));
        Assert.Equal(0, queue.Count);
        time.Advance(TimeSpan.FromSeconds(2.9));
        Assert.Equal(0, queue.Count);
        time.Advance(TimeSpan.FromSeconds(0.1));
        Assert.Equal(1, queue.Count);
        Assert.Equal(0, queue.DelayedCount);
        time.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(1, queue.Count); // stale timers do not add it twice
    }

    [Fact]
    public async Task After_a_burst_of_keys_drains_the_queue_gives_back_the_memory_it_held_for_them()
    {
        var time = new FakeTimeProvider();
        using var queue = new WorkQueue<int>(new WorkQueueOptions { RetryQps = 1_000_000, RetryBurst = 1_000_000 }, time);
        const int Keys = 5_000;
        for (var key = 0; key < Keys; key++)
        {
            queue.Add(key);
        }

        // Every key is handed out, fails once, waits for its retry, is handed out again and succeeds.
        for (var key = 0; key < Keys; key++)
        {
            var (_, got) = await queue.GetAsync(Ct);
            queue.AddRateLimited(got);
        }

        var peak = queue.RetainedCapacity;
        for (var key = 0; key < Keys; key++)
        {
            queue.Done(key);
        }

        time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(Keys, queue.Count);
        for (var key = 0; key < Keys; key++)
        {
            var (_, got) = await queue.GetAsync(Ct);
            queue.Forget(got);
            queue.Done(got);
        }

        Assert.Equal((0, 0, 0), (queue.Count, queue.DelayedCount, queue.InFlightCount));
        Assert.True(peak >= 4 * Keys, $"the burst filled the tables ({peak} slots)");
        Assert.True(queue.RetainedCapacity <= 7 * 64, $"{queue.RetainedCapacity} slots held by an idle queue");
    }

    [Fact]
    public async Task Shutdown_waits_for_in_flight_work_within_the_deadline()
    {
        using var queue = new WorkQueue<string>();
        queue.Add("a");
        queue.Add("b");
        var (_, a) = await queue.GetAsync(Ct);
        var drained = queue.ShutDownAndWaitAsync(TimeSpan.FromSeconds(10), Ct);
        Assert.False((await queue.GetAsync(Ct)).Ok); // no new work after shutdown, even though "b" was queued
        await Task.Delay(20, Ct);
        Assert.False(drained.IsCompleted);
        queue.Done(a);
        Assert.True(await drained.WaitAsync(TimeSpan.FromSeconds(5), Ct));
    }

    [Fact]
    public async Task The_oldest_in_flight_age_grows_while_a_key_is_processed_and_clears_when_done()
    {
        var time = new FakeTimeProvider();
        using var queue = new WorkQueue<string>(timeProvider: time);
        Assert.Null(queue.OldestInFlightAge);
        queue.Add("slow");
        queue.Add("fast");
        var slow = await queue.GetAsync(Ct);
        time.Advance(TimeSpan.FromMinutes(3));
        var fast = await queue.GetAsync(Ct);
        time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(TimeSpan.FromMinutes(4), queue.OldestInFlightAge);
        queue.Done(slow.Key);
        Assert.Equal(TimeSpan.FromMinutes(1), queue.OldestInFlightAge);
        queue.Done(fast.Key);
        Assert.Null(queue.OldestInFlightAge);
    }

    [Fact]
    public async Task Shutdown_gives_up_after_the_deadline()
    {
        var time = new FakeTimeProvider();
        using var queue = new WorkQueue<string>(timeProvider: time);
        queue.Add("stuck");
        await queue.GetAsync(Ct);
        var drained = queue.ShutDownAndWaitAsync(TimeSpan.FromSeconds(30), Ct);
        Assert.False(drained.IsCompleted);
        // The item is never done: only the deadline can end the wait (advancing again in case the timer was not armed yet).
        await Eventually.TrueAsync(() =>
        {
            time.Advance(TimeSpan.FromSeconds(31));
            return drained.IsCompleted;
        }, "shutdown gave up at its deadline");
        Assert.False(await drained);
    }

    private static TimeSpan MeasureDelay(WorkQueue<string> queue, FakeTimeProvider time, string key)
    {
        var start = time.GetUtcNow();
        queue.AddRateLimited(key);
        while (queue.Count == 0)
        {
            time.Advance(TimeSpan.FromMilliseconds(1));
        }

        var delay = time.GetUtcNow() - start;
        // take it out again
        var got = queue.GetAsync(CancellationToken.None).GetAwaiter().GetResult();
        queue.Done(got.Key);
        return delay;
    }
}
