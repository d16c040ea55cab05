using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;
using System.Threading.Channels;
using EcsOperator.Kubernetes.Model;
using EcsOperator.Kubernetes.Rest;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace EcsOperator.Kubernetes.Events;

/// <summary>
/// Writes events.k8s.io/v1 Events. A repeat of the same (object, type, reason, action, note) within the aggregation
/// window patches the existing Event's <c>series</c> (count, lastObservedTime) instead of creating a new one; each
/// object has a token bucket so a hot loop cannot flood the API server. With
/// <see cref="EventRecorderOptions.WriteInBackground"/> (the default) the write happens after
/// <see cref="RecordAsync"/> returns, as client-go's broadcaster does: a reconcile never waits for its events.
/// </summary>
public sealed class EventRecorder : IEventRecorder
{
    private const int MaxNoteLength = 1024;
    private readonly IResourceClient<Event> _events;
    private readonly EventRecorderOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Lock _lock = new();
    private readonly Dictionary<SeriesKey, SeriesState> _series = [];

    // The tracked series, least recently observed first: the one forgotten when the table is full is found in O(1)
    // (a scan of the table for the oldest cost O(MaxTrackedSeries) per new series once it was full: at 5,000 objects).
    private readonly LinkedList<SeriesKey> _seriesByLastObserved = new();

    // Per-object spam filter, held inline under _lock: a TokenBucket with its own lock and clock was about 100 bytes
    // more per object, for one per object recording events (thousands at N = 5,000).
    private readonly Dictionary<string, TokenBucketState> _buckets = new(StringComparer.Ordinal);

    // Background writers, one per shard of objects: an object's events are written in the order recorded.
    private readonly Channel<Func<Task>>[] _shards;

    public EventRecorder(IKubernetesClient client, EventRecorderOptions? options = null, TimeProvider? timeProvider = null, ILogger<EventRecorder>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        _events = client.Resource(ResourceType.Events, KubernetesModelJsonContext.Default.Event);
        _options = options ?? new EventRecorderOptions();
        _time = timeProvider ?? TimeProvider.System;
        _logger = logger ?? (ILogger)NullLogger.Instance;
        _shards = _options.WriteInBackground
            ? [.. Enumerable.Range(0, Math.Max(1, _options.BackgroundWriters)).Select(_ => StartWriter())]
            : [];
    }

    private Channel<Func<Task>> StartWriter()
    {
        var channel = Channel.CreateBounded<Func<Task>>(new BoundedChannelOptions(Math.Max(1, _options.BackgroundCapacity))
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.DropWrite,
        });
        _ = Task.Run(async () =>
        {
            await foreach (var write in channel.Reader.ReadAllAsync())
            {
                await write(); // never throws: WriteAsync catches what a write can fail with
            }
        });
        return channel;
    }

    /// <summary>Events dropped by the per-object rate limit.</summary>
    public int Dropped { get; private set; }

    public async Task RecordAsync(IKubernetesObject regarding, string type, string reason, string action, string note, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(regarding);
        var reference = ObjectReference.For(regarding);
        var objectId = reference.Uid ?? $"{reference.Kind}/{reference.Namespace}/{reference.Name}";
        if (note.Length > MaxNoteLength)
        {
            note = note[..(MaxNoteLength - 3)] + "...";
        }

        var key = new SeriesKey(objectId, type, reason, action, note);
        var now = _time.GetUtcNow();
        SeriesState? existing;
        SeriesState series;
        lock (_lock)
        {
            if (_buckets.Count >= _options.MaxTrackedSeries && !_buckets.ContainsKey(objectId))
            {
                _buckets.Clear(); // bound memory; forgetting buckets only makes the limit briefly more lenient
            }

            ref var bucket = ref CollectionsMarshal.GetValueRefOrAddDefault(_buckets, objectId, out var known);
            if (!known)
            {
                bucket = new TokenBucketState(_options.PerObjectBurst, _time.GetTimestamp());
            }

            if (!bucket.TryTake(_time, _options.PerObjectQps, _options.PerObjectBurst))
            {
                Dropped++;
                _logger.LogDebug("Event {Reason} for {Object} dropped by the per-object rate limit", reason, objectId);
                return;
            }

            if (_series.TryGetValue(key, out existing) && now - existing.LastObserved > _options.AggregationWindow)
            {
                Forget(key);
                existing = null;
            }

            if (existing is not null)
            {
                existing.Count++;
                existing.LastObserved = now;
                _seriesByLastObserved.Remove(existing.Node!);
                _seriesByLastObserved.AddLast(existing.Node!);
            }
            else
            {
                // Remembered before it is written, so a repeat recorded meanwhile patches it (in order, after the create).
                Remember(key, NewSeries(reference, now));
            }

            series = _series[key];
        }

        var repeat = existing is not null;

        if (_shards.Length > 0)
        {
            // Not the reconcile's token: the reconcile is over by the time the event is written.
            var shard = _shards[(int)((uint)StringComparer.Ordinal.GetHashCode(objectId) % (uint)_shards.Length)];
            if (!shard.Writer.TryWrite(() => WriteAsync(reference, objectId, key, series, repeat, type, reason, action, note, now, CancellationToken.None)))
            {
                lock (_lock)
                {
                    Dropped++;
                }

                _logger.LogDebug("Event {Reason} for {Object} dropped: the background writer is {Capacity} events behind", reason, objectId, _options.BackgroundCapacity);
            }

            return;
        }

        await WriteAsync(reference, objectId, key, series, repeat, type, reason, action, note, now, cancellationToken);
    }

    private static SeriesState NewSeries(ObjectReference reference, DateTimeOffset now) => new(
        string.IsNullOrEmpty(reference.Namespace) ? "default" : reference.Namespace,
        $"{reference.Name}.{now.ToUnixTimeMilliseconds().ToString("x", CultureInfo.InvariantCulture)}{Random.Shared.Next():x8}") { LastObserved = now };

    private void Remember(SeriesKey key, SeriesState series)
    {
        if (!Forget(key) && _series.Count >= _options.MaxTrackedSeries && _seriesByLastObserved.First is { } oldest)
        {
            Forget(oldest.Value);
        }

        _series[key] = series;
        series.Node = _seriesByLastObserved.AddLast(key);
    }

    private bool Forget(SeriesKey key)
    {
        if (!_series.Remove(key, out var forgotten))
        {
            return false;
        }

        _seriesByLastObserved.Remove(forgotten.Node!);
        return true;
    }

    private async Task WriteAsync(ObjectReference reference, string objectId, SeriesKey key, SeriesState series, bool repeat, string type, string reason, string action, string note,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        try
        {
            if (repeat && await TryPatchSeriesAsync(series, now, cancellationToken))
            {
                return;
            }

            if (repeat)
            {
                // The Event expired (events have a TTL): a new one, which later repeats patch.
                series = NewSeries(reference, now);
                lock (_lock)
                {
                    Remember(key, series);
                }
            }

            var created = new Event
            {
                Metadata = new ObjectMeta { Name = series.Name, Namespace = series.Namespace },
                EventTime = now,
                ReportingController = _options.ReportingController,
                ReportingInstance = _options.ReportingInstance,
                Action = action,
                Reason = reason,
                Regarding = reference,
                Note = note,
                Type = type,
            };
            // Nobody reads the stored Event: decoding the answer would cost as much as writing it.
            await _events.CreateAndForgetAsync(created, cancellationToken);
        }
        catch (Exception e) when (e is KubernetesApiException or HttpRequestException or JsonException
            || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            // Events are best effort: a failed event must never fail a reconcile.
            _logger.LogWarning(e, "Could not record event {Reason} for {Object}", reason, objectId);
        }
    }

    private async Task<bool> TryPatchSeriesAsync(SeriesState state, DateTimeOffset now, CancellationToken cancellationToken)
    {
        int count;
        lock (_lock)
        {
            count = state.Count;
        }

        var series = new EventSeries { Count = count, LastObservedTime = now };
        var patch = $"{{\"series\":{JsonSerializer.Serialize(series, EventsJsonContext.Default.EventSeries)}}}";
        try
        {
            await _events.PatchAndForgetAsync(state.Namespace, state.Name, KubernetesPatch.Merge(patch), cancellationToken);
            return true;
        }
        catch (NotFoundException)
        {
            // The Event expired (events have a TTL): start a new one.
            return false;
        }
    }

    private sealed record SeriesKey(string ObjectId, string Type, string Reason, string Action, string Note);

    private sealed class SeriesState(string ns, string name)
    {
        public string Namespace { get; } = ns;

        public string Name { get; } = name;

        public int Count { get; set; } = 1;

        public DateTimeOffset LastObserved { get; set; }

        /// <summary>Its place in the recorder's least-recently-observed order.</summary>
        public LinkedListNode<SeriesKey>? Node { get; set; }
    }
}
