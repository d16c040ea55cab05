using System.Diagnostics;
using EcsOperator.Kubernetes.Diagnostics;
using EcsOperator.Kubernetes.Rest;

namespace EcsOperator.Kubernetes.Queue;

/// <summary>
/// A rate-limited, deduplicating work queue with client-go semantics: a key waiting in the queue is stored once; a
/// key is handed to at most one worker at a time; a key added while it is being processed is queued again when the
/// worker calls <see cref="Done"/>. Failures re-add with per-key exponential backoff combined with an overall token
/// bucket; <see cref="Forget"/> resets the backoff. All delays run on the given <see cref="TimeProvider"/>.
/// </summary>
public sealed class WorkQueue<TKey> : IDisposable
    where TKey : notnull
{
    // Tables at or below this many slots are never trimmed: too small to matter, and it spares a small busy queue
    // from reallocating as its few keys come and go.
    private const int KeptCapacity = 64;

    private readonly WorkQueueOptions _options;
    private readonly TimeProvider _time;
    private readonly TokenBucket _bucket;
    private readonly TagList _tags;
    private readonly Lock _lock = new();
    private readonly LinkedList<TKey> _queue = new();
    private readonly HashSet<TKey> _dirty = [];
    private readonly HashSet<TKey> _processing = [];
    private readonly Dictionary<TKey, long> _enqueuedAt = [];
    private readonly Dictionary<TKey, long> _startedAt = [];
    private readonly Dictionary<TKey, int> _failures = [];
    private readonly Dictionary<TKey, DateTimeOffset> _waiting = [];
    private readonly PriorityQueue<TKey, DateTimeOffset> _waitingOrder = new();
    private ITimer? _timer;
    private DateTimeOffset _timerDue = DateTimeOffset.MaxValue;
    private TaskCompletionSource _itemsChanged = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private bool _shuttingDown;

    public WorkQueue(WorkQueueOptions? options = null, TimeProvider? timeProvider = null)
    {
        _options = options ?? new WorkQueueOptions();
        _time = timeProvider ?? TimeProvider.System;
        _bucket = new TokenBucket(_options.RetryQps, _options.RetryBurst, _time);
        _tags = new TagList { { "name", _options.Name } };
    }

    /// <summary>Keys waiting to be handed out (not counting delayed or in-flight keys).</summary>
    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _queue.Count;
            }
        }
    }

    /// <summary>Keys waiting for their <see cref="AddAfter"/> delay.</summary>
    public int DelayedCount
    {
        get
        {
            lock (_lock)
            {
                return _waiting.Count;
            }
        }
    }

    /// <summary>Keys handed to workers and not yet <see cref="Done"/>.</summary>
    public int InFlightCount
    {
        get
        {
            lock (_lock)
            {
                return _processing.Count;
            }
        }
    }

    /// <summary>
    /// How long the oldest in-flight key has been with its worker; null when no key is in flight. A liveness probe
    /// uses it to tell a stuck worker from a busy one.
    /// </summary>
    public TimeSpan? OldestInFlightAge
    {
        get
        {
            lock (_lock)
            {
                if (_startedAt.Count == 0)
                {
                    return null;
                }

                var oldest = _startedAt.Values.Min();
                return _time.GetElapsedTime(oldest);
            }
        }
    }

    /// <summary>
    /// Entry slots the queue's tables hold, used or not (for tests): after a burst of keys has drained it falls back
    /// near zero rather than staying at the burst's peak.
    /// </summary>
    internal int RetainedCapacity
    {
        get
        {
            lock (_lock)
            {
                return _dirty.Capacity + _processing.Capacity + _enqueuedAt.Capacity + _startedAt.Capacity
                    + _failures.Capacity + _waiting.Capacity + _waitingOrder.Capacity;
            }
        }
    }

    public bool IsShuttingDown
    {
        get
        {
            lock (_lock)
            {
                return _shuttingDown;
            }
        }
    }

    /// <summary>Queues <paramref name="key"/> unless it is already queued.</summary>
    public void Add(TKey key)
    {
        lock (_lock)
        {
            AddLocked(key);
        }
    }

    /// <summary>Queues <paramref name="key"/> after <paramref name="delay"/>; an earlier pending time wins.</summary>
    public void AddAfter(TKey key, TimeSpan delay)
    {
        lock (_lock)
        {
            if (_shuttingDown)
            {
                return;
            }

            if (delay <= TimeSpan.Zero)
            {
                AddLocked(key);
                return;
            }

            var readyAt = _time.GetUtcNow() + delay;
            if (_waiting.TryGetValue(key, out var existing) && existing <= readyAt)
            {
                return;
            }

            _waiting[key] = readyAt;
            _waitingOrder.Enqueue(key, readyAt);
            ArmTimerLocked();
        }
    }

    /// <summary>
    /// Re-queues a failed key after max(per-key exponential backoff, overall token bucket delay) and counts a retry.
    /// </summary>
    public void AddRateLimited(TKey key)
    {
        TimeSpan delay;
        lock (_lock)
        {
            var failures = _failures.GetValueOrDefault(key);
            _failures[key] = failures + 1;
            var exp = _options.BaseDelay.TotalSeconds * Math.Pow(2, Math.Min(failures, 62));
            var perKey = exp >= _options.MaxDelay.TotalSeconds ? _options.MaxDelay : TimeSpan.FromSeconds(exp);
            var overall = _bucket.Reserve();
            delay = perKey > overall ? perKey : overall;
        }

        KubernetesTelemetry.QueueRetries.Add(1, _tags);
        AddAfter(key, delay);
    }

    /// <summary>The key succeeded: reset its backoff.</summary>
    public void Forget(TKey key)
    {
        lock (_lock)
        {
            if (_failures.Remove(key))
            {
                TrimLocked(_failures);
            }
        }
    }

    /// <summary>How many consecutive failures the key has had.</summary>
    public int NumRequeues(TKey key)
    {
        lock (_lock)
        {
            return _failures.GetValueOrDefault(key);
        }
    }

    /// <summary>
    /// Waits for the next key and marks it in flight (call <see cref="Done"/> when finished). Returns
    /// <c>(false, default)</c> once the queue shuts down.
    /// </summary>
    public async Task<(bool Ok, TKey Key)> GetAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            Task signal;
            lock (_lock)
            {
                if (_shuttingDown)
                {
                    return (false, default!);
                }

                if (_queue.First is { } first)
                {
                    var key = first.Value;
                    _queue.RemoveFirst();
                    _dirty.Remove(key);
                    TrimLocked(_dirty);
                    _processing.Add(key);
                    var now = _time.GetTimestamp();
                    if (_enqueuedAt.Remove(key, out var enqueued))
                    {
                        KubernetesTelemetry.QueueWait.Record(_time.GetElapsedTime(enqueued, now).TotalSeconds, _tags);
                        TrimLocked(_enqueuedAt);
                    }

                    _startedAt[key] = now;
                    KubernetesTelemetry.QueueDepth.Add(-1, _tags);
                    return (true, key);
                }

                signal = _itemsChanged.Task;
            }

            await signal.WaitAsync(cancellationToken);
        }
    }

    /// <summary>The worker finished <paramref name="key"/>; if it was added meanwhile, it is queued again.</summary>
    public void Done(TKey key)
    {
        lock (_lock)
        {
            if (!_processing.Remove(key))
            {
                return;
            }

            TrimLocked(_processing);
            if (_startedAt.Remove(key, out var started))
            {
                KubernetesTelemetry.QueueWork.Record(_time.GetElapsedTime(started).TotalSeconds, _tags);
                TrimLocked(_startedAt);
            }

            if (_dirty.Contains(key) && !_shuttingDown)
            {
                EnqueueLocked(key);
            }

            if (_processing.Count == 0)
            {
                SignalLocked();
            }
        }
    }

    /// <summary>Stops handing out keys; workers see <c>Ok=false</c>. In-flight keys may still call <see cref="Done"/>.</summary>
    public void ShutDown()
    {
        lock (_lock)
        {
            _shuttingDown = true;
            _timer?.Dispose();
            _timer = null;
            SignalLocked();
        }
    }

    /// <summary>Shuts down and waits until in-flight keys are done or <paramref name="deadline"/> passes; true if drained.</summary>
    public async Task<bool> ShutDownAndWaitAsync(TimeSpan deadline, CancellationToken cancellationToken = default)
    {
        ShutDown();
        var until = _time.GetUtcNow() + deadline;
        while (true)
        {
            Task signal;
            lock (_lock)
            {
                if (_processing.Count == 0)
                {
                    return true;
                }

                signal = _itemsChanged.Task;
            }

            var remaining = until - _time.GetUtcNow();
            if (remaining <= TimeSpan.Zero)
            {
                return false;
            }

            try
            {
                await signal.WaitAsync(remaining, _time, cancellationToken);
            }
            catch (TimeoutException)
            {
                return false;
            }
        }
    }

    public void Dispose() => ShutDown();

    private void AddLocked(TKey key)
    {
        if (_shuttingDown)
        {
            return;
        }

        KubernetesTelemetry.QueueAdds.Add(1, _tags);
        if (!_dirty.Add(key))
        {
            return; // already queued (or already marked to re-run after processing)
        }

        if (_processing.Contains(key))
        {
            return; // Done() will queue it again
        }

        EnqueueLocked(key);
    }

    private void EnqueueLocked(TKey key)
    {
        _dirty.Add(key);
        _queue.AddLast(key);
        _enqueuedAt[key] = _time.GetTimestamp();
        KubernetesTelemetry.QueueDepth.Add(1, _tags);
        SignalLocked();
    }

    // A table keeps its peak size after its keys leave; a burst of thousands of keys would hold that memory for the
    // life of the process. Once a table is under a quarter full it shrinks to twice its count: the gap between the
    // two thresholds means a table changing size by a few keys neither regrows nor shrinks on each, and each
    // shrink's copy is paid for by the removals since the last resize (O(1) amortized per key).
    private static void TrimLocked<TValue>(Dictionary<TKey, TValue> table)
    {
        if (Sparse(table.Count, table.Capacity))
        {
            table.TrimExcess(table.Count * 2);
        }
    }

    private static void TrimLocked(HashSet<TKey> table)
    {
        if (Sparse(table.Count, table.Capacity))
        {
            table.TrimExcess(table.Count * 2);
        }
    }

    /// <summary>The one rule for every table: more than <see cref="KeptCapacity"/> slots, under a quarter used.</summary>
    private static bool Sparse(int count, int capacity) => capacity > KeptCapacity && count < capacity / 4;

    private void SignalLocked()
    {
        var previous = _itemsChanged;
        _itemsChanged = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        previous.TrySetResult();
    }

    private void ArmTimerLocked()
    {
        if (!_waitingOrder.TryPeek(out _, out var due) || due >= _timerDue)
        {
            return;
        }

        _timerDue = due;
        var wait = due - _time.GetUtcNow();
        if (wait < TimeSpan.Zero)
        {
            wait = TimeSpan.Zero;
        }

        if (_timer is null)
        {
            _timer = _time.CreateTimer(_ => OnTimer(), null, wait, Timeout.InfiniteTimeSpan);
        }
        else
        {
            _timer.Change(wait, Timeout.InfiniteTimeSpan);
        }
    }

    private void OnTimer()
    {
        lock (_lock)
        {
            if (_shuttingDown)
            {
                return;
            }

            _timerDue = DateTimeOffset.MaxValue;
            var now = _time.GetUtcNow();
            while (_waitingOrder.TryPeek(out var key, out var due) && due <= now)
            {
                _waitingOrder.Dequeue();
                // Skip stale heap entries superseded by an earlier AddAfter for the same key.
                if (_waiting.TryGetValue(key, out var current) && current == due)
                {
                    _waiting.Remove(key);
                    AddLocked(key);
                }
            }

            TrimLocked(_waiting);
            if (Sparse(_waitingOrder.Count, _waitingOrder.Capacity))
            {
                _waitingOrder.TrimExcess();
            }

            ArmTimerLocked();
        }
    }
}
