using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Text;

namespace EcsOperator.Observability.Prometheus;

/// <summary>
/// Aggregates System.Diagnostics.Metrics measurements of the selected meters with a <see cref="MeterListener"/>
/// and renders them in the Prometheus text format 0.0.4 (no Prometheus exporter package is available; this is the
/// small part of one the operator needs). Counters and up-down counters are cumulative sums (counters become
/// <c>counter</c>, up-down counters <c>gauge</c>), gauges keep the last value, observable instruments are observed
/// at scrape time, and histograms keep cumulative buckets with <c>_bucket</c>, <c>_sum</c> and <c>_count</c>.
/// </summary>
public sealed class PrometheusExporter : IDisposable
{
    /// <summary>Bucket bounds for durations in seconds (Prometheus client defaults, plus longer AWS waits).</summary>
    public static IReadOnlyList<double> SecondsBuckets { get; } = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];

    /// <summary>OpenTelemetry's default explicit bucket bounds, for histograms in other units.</summary>
    public static IReadOnlyList<double> DefaultBuckets { get; } = [0, 5, 10, 25, 50, 75, 100, 250, 500, 750, 1000, 2500, 5000, 7500, 10000];

    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<Instrument, InstrumentState> _instruments = new();
    private readonly Lock _collectLock = new();

    /// <summary>Listens to every meter whose name is in <paramref name="meterNames"/>.</summary>
    public PrometheusExporter(IEnumerable<string> meterNames)
    {
        ArgumentNullException.ThrowIfNull(meterNames);
        var names = meterNames.ToHashSet(StringComparer.Ordinal);
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (!names.Contains(instrument.Meter.Name) || InstrumentState.Create(instrument) is not { } state)
                return;
            _instruments[instrument] = state;
            listener.EnableMeasurementEvents(instrument, state);
        };
        _listener.MeasurementsCompleted = (instrument, state) => _instruments.TryRemove(instrument, out var _);
        _listener.SetMeasurementEventCallback<byte>((_, v, tags, state) => Record(state, v, tags));
        _listener.SetMeasurementEventCallback<short>((_, v, tags, state) => Record(state, v, tags));
        _listener.SetMeasurementEventCallback<int>((_, v, tags, state) => Record(state, v, tags));
        _listener.SetMeasurementEventCallback<long>((_, v, tags, state) => Record(state, v, tags));
        _listener.SetMeasurementEventCallback<float>((_, v, tags, state) => Record(state, v, tags));
        _listener.SetMeasurementEventCallback<double>((_, v, tags, state) => Record(state, v, tags));
        _listener.SetMeasurementEventCallback<decimal>((_, v, tags, state) => Record(state, (double)v, tags));
        _listener.Start();
    }

    /// <summary>Observes the observable instruments and renders every metric family.</summary>
    public string Collect()
    {
        var sb = new StringBuilder();
        lock (_collectLock)
        {
            foreach (var state in _instruments.Values.Where(s => s.Observable))
                state.Clear();
            _listener.RecordObservableInstruments();
            var families = _instruments.Values
                .GroupBy(s => s.MetricName, StringComparer.Ordinal)
                .OrderBy(g => g.Key, StringComparer.Ordinal);
            foreach (var family in families)
                WriteFamily(sb, family.Key, family.ToList());
        }

        return sb.ToString();
    }

    public void Dispose() => _listener.Dispose();

    private static void Record(object? state, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        if (state is InstrumentState s)
            s.Record(value, Labels(tags));
    }

    /// <summary>The label set as rendered between braces (sorted by name), which also identifies the series.</summary>
    private static string Labels(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        if (tags.Length == 0)
            return "";
        var pairs = new List<(string Name, string Value)>(tags.Length);
        foreach (var tag in tags)
            pairs.Add((PrometheusText.LabelName(tag.Key), PrometheusText.TagValue(tag.Value)));
        pairs.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
        return string.Join(",", pairs.Select(p => $"{p.Name}=\"{PrometheusText.EscapeLabelValue(p.Value)}\""));
    }

    private static void WriteFamily(StringBuilder sb, string name, List<InstrumentState> instruments)
    {
        var first = instruments[0];
        // Instruments of one family from different meter instances (e.g. a restarted component) merge by label set.
        var series = new SortedDictionary<string, Series>(StringComparer.Ordinal);
        foreach (var instrument in instruments.Where(i => i.Type == first.Type && i.Bounds.SequenceEqual(first.Bounds)))
        {
            foreach (var (labels, s) in instrument.Snapshot())
            {
                if (series.TryGetValue(labels, out var existing) && first.Type != MetricType.Gauge)
                    existing.MergeFrom(s);
                else
                    series[labels] = s;
            }
        }

        if (series.Count == 0)
            return;
        if (!string.IsNullOrEmpty(first.Help))
            sb.Append("# HELP ").Append(name).Append(' ').Append(PrometheusText.EscapeHelp(first.Help)).Append('\n');
        sb.Append("# TYPE ").Append(name).Append(' ').Append(first.Type switch
        {
            MetricType.Counter => "counter",
            MetricType.Histogram => "histogram",
            _ => "gauge",
        }).Append('\n');
        foreach (var (labels, s) in series)
        {
            if (first.Type != MetricType.Histogram)
            {
                Sample(sb, name, labels, s.Value);
                continue;
            }

            long cumulative = 0;
            for (var i = 0; i < first.Bounds.Length; i++)
            {
                cumulative += s.Buckets![i];
                Sample(sb, name + "_bucket", Join(labels, $"le=\"{PrometheusText.Value(first.Bounds[i])}\""), cumulative);
            }

            Sample(sb, name + "_bucket", Join(labels, "le=\"+Inf\""), s.Count);
            Sample(sb, name + "_sum", labels, s.Value);
            Sample(sb, name + "_count", labels, s.Count);
        }
    }

    private static string Join(string labels, string extra) => labels.Length == 0 ? extra : labels + "," + extra;

    private static void Sample(StringBuilder sb, string name, string labels, double value)
    {
        sb.Append(name);
        if (labels.Length > 0)
            sb.Append('{').Append(labels).Append('}');
        sb.Append(' ').Append(PrometheusText.Value(value)).Append('\n');
    }

    private enum MetricType
    {
        Counter,
        Gauge,
        SumGauge,
        Histogram,
    }

    /// <summary>One series' aggregate: a sum or last value, or a histogram's buckets (not cumulative), sum and count.</summary>
    private sealed class Series(int buckets)
    {
        public double Value { get; set; }

        public long Count { get; set; }

        public long[]? Buckets { get; } = buckets > 0 ? new long[buckets] : null;

        public Series Copy()
        {
            var copy = new Series(Buckets?.Length ?? 0) { Value = Value, Count = Count };
            Buckets?.CopyTo(copy.Buckets!, 0);
            return copy;
        }

        public void MergeFrom(Series other)
        {
            Value += other.Value;
            Count += other.Count;
            if (Buckets is not null && other.Buckets is not null)
            {
                for (var i = 0; i < Buckets.Length; i++)
                    Buckets[i] += other.Buckets[i];
            }
        }
    }

    private sealed class InstrumentState
    {
        private readonly ConcurrentDictionary<string, Series> _series = new(StringComparer.Ordinal);

        private InstrumentState(string metricName, string? help, MetricType type, bool observable, double[] bounds)
        {
            MetricName = metricName;
            Help = help;
            Type = type;
            Observable = observable;
            Bounds = bounds;
        }

        public string MetricName { get; }

        public string? Help { get; }

        public MetricType Type { get; }

        public bool Observable { get; }

        /// <summary>Upper bounds of the histogram buckets (the +Inf bucket is implicit); empty otherwise.</summary>
        public double[] Bounds { get; }

        public static InstrumentState? Create(Instrument instrument)
        {
            var definition = instrument.GetType().IsGenericType ? instrument.GetType().GetGenericTypeDefinition() : null;
            MetricType? type = definition switch
            {
                _ when definition == typeof(Counter<>) || definition == typeof(ObservableCounter<>) => MetricType.Counter,
                _ when definition == typeof(UpDownCounter<>) || definition == typeof(ObservableUpDownCounter<>) => MetricType.SumGauge,
                _ when definition == typeof(Gauge<>) || definition == typeof(ObservableGauge<>) => MetricType.Gauge,
                _ when definition == typeof(Histogram<>) => MetricType.Histogram,
                _ => null,
            };
            if (type is not { } t)
                return null;
            var bounds = t == MetricType.Histogram ? BucketBounds(instrument) : [];
            return new InstrumentState(PrometheusText.MetricName(instrument.Name, instrument.Unit, t == MetricType.Counter),
                instrument.Description, t, instrument.IsObservable, bounds);
        }

        public void Record(double value, string labels)
        {
            var series = _series.GetOrAdd(labels, _ => new Series(Bounds.Length));
            lock (series)
            {
                switch (Type)
                {
                    case MetricType.Histogram:
                        var i = Array.FindIndex(Bounds, b => value <= b);
                        if (i >= 0)
                            series.Buckets![i]++;
                        series.Value += value;
                        series.Count++;
                        break;
                    case MetricType.Gauge:
                        series.Value = value;
                        break;
                    default:
                        // Observable counters report their cumulative total: the latest observation is the value.
                        series.Value = Observable ? value : series.Value + value;
                        break;
                }
            }
        }

        public void Clear() => _series.Clear();

        public List<(string Labels, Series Series)> Snapshot()
        {
            var copies = new List<(string, Series)>(_series.Count);
            foreach (var (labels, series) in _series)
            {
                lock (series)
                {
                    copies.Add((labels, series.Copy()));
                }
            }

            return copies;
        }

        private static double[] BucketBounds(Instrument instrument)
        {
            IEnumerable<double>? advised = instrument switch
            {
                Histogram<double> h => h.Advice?.HistogramBucketBoundaries,
                Histogram<float> h => h.Advice?.HistogramBucketBoundaries?.Select(b => (double)b),
                Histogram<long> h => h.Advice?.HistogramBucketBoundaries?.Select(b => (double)b),
                Histogram<int> h => h.Advice?.HistogramBucketBoundaries?.Select(b => (double)b),
                _ => null,
            };
            var bounds = advised ?? (instrument.Unit == "s" ? SecondsBuckets : DefaultBuckets);
            return [.. bounds.Where(b => !double.IsNaN(b) && !double.IsInfinity(b)).Distinct().Order()];
        }
    }
}
