using System.Diagnostics.Metrics;
using EcsOperator.Observability;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using Xunit;

namespace EcsOperator.Host.Tests;

/// <summary>Every metric the operator exports keeps at most <see cref="ObservabilityServiceCollectionExtensions.SeriesPerMetric"/> label sets.</summary>
public sealed class MetricSeriesLimitTests
{
    [Fact]
    public void A_metric_with_more_label_sets_than_the_limit_keeps_the_limit_and_counts_the_rest_as_overflow()
    {
        var exporter = new CapturingExporter();
        var services = new ServiceCollection();
        services.AddOperatorObservability(options: null, environment: _ => null);
        services.ConfigureOpenTelemetryMeterProvider(b => b.AddReader(new BaseExportingMetricReader(exporter)));
        using var provider = services.BuildServiceProvider();
        var meterProvider = provider.GetRequiredService<MeterProvider>();

        using var meter = new Meter(ObservabilityServiceCollectionExtensions.MeterNames[0]);
        var counter = meter.CreateCounter<long>("test.series");
        var labelSets = ObservabilityServiceCollectionExtensions.SeriesPerMetric + 100;
        for (var i = 0; i < labelSets; i++)
            counter.Add(1, new KeyValuePair<string, object?>("n", i));
        meterProvider.ForceFlush();

        var (points, overflow, total) = exporter.Seen["test.series"];
        Assert.True(points <= ObservabilityServiceCollectionExtensions.SeriesPerMetric + 1, $"{points} series exported"); // + the overflow series
        Assert.True(overflow > 0, "no otel.metric.overflow series");
        Assert.Equal(labelSets, total); // nothing lost: the overflow series counts what did not fit
    }

    private sealed class CapturingExporter : BaseExporter<Metric>
    {
        public Dictionary<string, (int Points, long Overflow, long Total)> Seen { get; } = [];

        public override ExportResult Export(in Batch<Metric> batch)
        {
            foreach (var metric in batch)
            {
                var (points, overflow, total) = (0, 0L, 0L);
                foreach (ref readonly var point in metric.GetMetricPoints())
                {
                    points++;
                    var sum = point.GetSumLong();
                    total += sum;
                    foreach (var tag in point.Tags)
                    {
                        if (tag.Key == "otel.metric.overflow")
                            overflow += sum;
                    }
                }

                Seen[metric.Name] = (points, overflow, total);
            }

            return ExportResult.Success;
        }
    }
}
