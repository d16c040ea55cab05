using System.Diagnostics.Metrics;
using EcsOperator.Observability.Prometheus;
using Xunit;

namespace EcsOperator.Host.Tests;

public sealed class PrometheusExporterTests : IDisposable
{
    private readonly string _meterName = "Test.Prometheus." + Guid.NewGuid().ToString("N");
    private readonly Meter _meter;
    private readonly PrometheusExporter _exporter;

    public PrometheusExporterTests()
    {
        _meter = new Meter(_meterName);
        _exporter = new PrometheusExporter([_meterName]);
    }

    public void Dispose()
    {
        _exporter.Dispose();
        _meter.Dispose();
    }

    [Fact]
    public void Counters_sum_per_label_set_with_sorted_escaped_labels()
    {
        var counter = _meter.CreateCounter<long>("test.calls", "{call}", "Calls by \"operation\"\nand outcome");
        counter.Add(2, new("rpc.method", "DescribeServices"), new("outcome", "success"));
        counter.Add(3, new("outcome", "success"), new("rpc.method", "DescribeServices"));
        counter.Add(1, new("rpc.method", "Weird\"Op\\\n"), new("outcome", "terminal"));

        var text = _exporter.Collect();

        Assert.Equal(
            """
            # HELP test_calls_total Calls by "operation"\nand outcome
            # TYPE test_calls_total counter
            test_calls_total{outcome="success",rpc_method="DescribeServices"} 5
            test_calls_total{outcome="terminal",rpc_method="Weird\"Op\\\n"} 1

            """.ReplaceLineEndings("\n"), text);
    }

    [Fact]
    public void Up_down_counters_and_gauges_are_gauges()
    {
        var depth = _meter.CreateUpDownCounter<long>("test.queue.depth", "{item}", "Keys waiting");
        depth.Add(5, new KeyValuePair<string, object?>("name", "q"));
        depth.Add(-2, new KeyValuePair<string, object?>("name", "q"));
        var temperature = _meter.CreateGauge<double>("test.temperature", "Cel", "Last reading");
        temperature.Record(21.5);
        temperature.Record(19.25);

        var text = _exporter.Collect();

        Assert.Contains("# TYPE test_queue_depth gauge\ntest_queue_depth{name=\"q\"} 3\n", text, StringComparison.Ordinal);
        Assert.Contains("# TYPE test_temperature_Cel gauge\ntest_temperature_Cel 19.25\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Observable_instruments_are_observed_at_each_collection_and_vanished_series_disappear()
    {
        var readings = new List<Measurement<int>> { new(3, new KeyValuePair<string, object?>("kind", "EcsService")), new(1, new KeyValuePair<string, object?>("kind", "EcsTask")) };
        _meter.CreateObservableGauge("test.managed", () => readings, "{resource}", "Managed objects");
        long total = 7;
        _meter.CreateObservableCounter("test.observed.total", () => total, "{event}");

        var first = _exporter.Collect();
        readings = [new(4, new KeyValuePair<string, object?>("kind", "EcsService"))];
        total = 9;
        var second = _exporter.Collect();

        Assert.Contains("test_managed{kind=\"EcsService\"} 3\ntest_managed{kind=\"EcsTask\"} 1\n", first, StringComparison.Ordinal);
        Assert.Contains("test_managed{kind=\"EcsService\"} 4\n", second, StringComparison.Ordinal);
        Assert.DoesNotContain("EcsTask", second, StringComparison.Ordinal);
        Assert.Contains("# TYPE test_observed_total counter\ntest_observed_total 9\n", second, StringComparison.Ordinal);
    }

    [Fact]
    public void Histograms_render_cumulative_buckets_sum_and_count()
    {
        var duration = _meter.CreateHistogram<double>("test.reconcile.duration", "s", "Reconcile duration");
        foreach (var seconds in new[] { 0.00390625, 0.125, 0.125, 7.0, 120.0 })
            duration.Record(seconds, new KeyValuePair<string, object?>("kind", "EcsCluster"));

        var lines = _exporter.Collect().Split('\n');

        Assert.Contains("# TYPE test_reconcile_duration_seconds histogram", lines);
        Assert.Contains("test_reconcile_duration_seconds_bucket{kind=\"EcsCluster\",le=\"0.005\"} 1", lines);
        Assert.Contains("test_reconcile_duration_seconds_bucket{kind=\"EcsCluster\",le=\"0.1\"} 1", lines);
        Assert.Contains("test_reconcile_duration_seconds_bucket{kind=\"EcsCluster\",le=\"0.25\"} 3", lines);
        Assert.Contains("test_reconcile_duration_seconds_bucket{kind=\"EcsCluster\",le=\"10\"} 4", lines);
        Assert.Contains("test_reconcile_duration_seconds_bucket{kind=\"EcsCluster\",le=\"60\"} 4", lines);
        Assert.Contains("test_reconcile_duration_seconds_bucket{kind=\"EcsCluster\",le=\"+Inf\"} 5", lines);
        Assert.Contains("test_reconcile_duration_seconds_sum{kind=\"EcsCluster\"} 127.25390625", lines);
        Assert.Contains("test_reconcile_duration_seconds_count{kind=\"EcsCluster\"} 5", lines);
        // Buckets are cumulative: never decreasing from one bound to the next.
        var counts = lines.Where(l => l.StartsWith("test_reconcile_duration_seconds_bucket", StringComparison.Ordinal))
            .Select(l => long.Parse(l[(l.LastIndexOf(' ') + 1)..], System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(counts.Order(), counts);
    }

    [Fact]
    public void Advised_bucket_boundaries_are_used()
    {
        var sizes = _meter.CreateHistogram<int>("test.batch.size", "{service}", "Services per call",
            advice: new InstrumentAdvice<int> { HistogramBucketBoundaries = [1, 5, 10] });
        sizes.Record(3);
        sizes.Record(10);

        var text = _exporter.Collect();

        Assert.Contains("test_batch_size_bucket{le=\"1\"} 0\ntest_batch_size_bucket{le=\"5\"} 1\ntest_batch_size_bucket{le=\"10\"} 2\ntest_batch_size_bucket{le=\"+Inf\"} 2\ntest_batch_size_sum 13\ntest_batch_size_count 2\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Meters_not_selected_are_not_exported_and_disposed_meters_disappear()
    {
        using var other = new Meter("Test.Other." + Guid.NewGuid().ToString("N"));
        other.CreateCounter<long>("test.other").Add(1);
        var mine = new Meter(_meterName);
        mine.CreateCounter<long>("test.short.lived").Add(1);

        Assert.Contains("test_short_lived_total 1", _exporter.Collect(), StringComparison.Ordinal);
        mine.Dispose();

        var text = _exporter.Collect();
        Assert.DoesNotContain("test_other", text, StringComparison.Ordinal);
        Assert.DoesNotContain("test_short_lived", text, StringComparison.Ordinal);
    }
}
