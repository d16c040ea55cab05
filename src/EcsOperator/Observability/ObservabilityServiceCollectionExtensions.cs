using System.Diagnostics.Metrics;
using EcsOperator.Aws.Telemetry;
using EcsOperator.Cli;
using EcsOperator.Kubernetes.Hosting;
using EcsOperator.Kubernetes.Controller;
using EcsOperator.Kubernetes.Diagnostics;
using EcsOperator.Kubernetes.Informer;
using EcsOperator.Kubernetes.Rest;
using EcsOperator.Observability.MetricsAuth;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace EcsOperator.Observability;

/// <summary>DI wiring of OpenTelemetry (Prometheus scraping, OTLP export) and of the probe / metrics listeners.</summary>
public static class ObservabilityServiceCollectionExtensions
{
    /// <summary>The meters exported on /metrics and over OTLP.</summary>
    public static IReadOnlyList<string> MeterNames { get; } = [KubernetesTelemetry.Name, AwsTelemetry.Name, OperatorMetrics.Name];

    /// <summary>The activity sources exported over OTLP.</summary>
    public static IReadOnlyList<string> ActivitySourceNames { get; } = [KubernetesTelemetry.Name, AwsTelemetry.Name];

    /// <summary>
    /// The most label sets one metric keeps; measurements with a later one are counted in one more series,
    /// <c>otel_metric_overflow="true"</c>.
    /// OpenTelemetry allocates every metric's points up front (2,000 by default: about 3 MB for our 17 metrics, in
    /// every process, idle or not). Our labels are kinds, verbs, resources, operations and result codes, never object
    /// or namespace names: the largest, requests by verb, resource and HTTP code, stays well under this.
    /// </summary>
    public const int SeriesPerMetric = 500;

    /// <summary>Histogram buckets of durations in seconds (OpenTelemetry's defaults are for milliseconds).</summary>
    public static IReadOnlyList<double> SecondsBuckets { get; } = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];

    /// <summary>
    /// Registers OpenTelemetry the way its users wire it (<c>AddOpenTelemetry()</c>): the operator's meters with the
    /// Prometheus exporter when a metrics listener is configured, and OTLP export of traces and metrics when the
    /// standard <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> (or the per-signal <c>_TRACES_ENDPOINT</c> /
    /// <c>_METRICS_ENDPOINT</c>) is set; the exporter reads the other OTEL_* variables itself (protocol, headers,
    /// OTEL_SERVICE_NAME, OTEL_RESOURCE_ATTRIBUTES). Then the probe and metrics listeners as a hosted service (call
    /// before AddEcsOperator so it starts before the controllers and stops after them). <paramref name="options"/>
    /// null: no listener.
    /// </summary>
    public static IServiceCollection AddOperatorObservability(this IServiceCollection services, ObservabilityEndpointOptions? options,
        Func<string, string?>? environment = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        environment ??= Environment.GetEnvironmentVariable;
        bool Set(string name) => !string.IsNullOrWhiteSpace(environment(name));
        var otlpTraces = Set("OTEL_EXPORTER_OTLP_ENDPOINT") || Set("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT");
        var otlpMetrics = Set("OTEL_EXPORTER_OTLP_ENDPOINT") || Set("OTEL_EXPORTER_OTLP_METRICS_ENDPOINT");
        var prometheus = options?.MetricsPort is not null;

        var telemetry = services.AddOpenTelemetry().ConfigureResource(r =>
        {
            // OTEL_SERVICE_NAME (read by the default resource) wins over our default name.
            if (!Set("OTEL_SERVICE_NAME"))
                r.AddService("ecs-operator", serviceVersion: OperatorVersion.Informational);
        });
        telemetry.WithMetrics(m =>
        {
            m.AddMeter([.. MeterNames]);
            m.AddView(instrument => instrument is Histogram<double> { Unit: "s" }
                ? new ExplicitBucketHistogramConfiguration { Boundaries = [.. SecondsBuckets], CardinalityLimit = SeriesPerMetric }
                : new MetricStreamConfiguration { CardinalityLimit = SeriesPerMetric });
            if (prometheus)
            {
                m.AddPrometheusExporter(o =>
                {
                    // Every scrape sees the current values; label sets stay those of the instruments (no otel_scope_*).
                    o.ScrapeResponseCacheDurationMilliseconds = 0;
                    o.ScopeInfoEnabled = false;
                });
            }

            if (otlpMetrics)
                m.AddOtlpExporter();
        });
        if (otlpTraces)
            telemetry.WithTracing(t => t.AddSource([.. ActivitySourceNames]).AddOtlpExporter());

        services.AddSingleton(sp => new ManagedResourcesGauge(sp.GetRequiredService<SharedInformerFactory>()));
        services.AddSingleton(sp => new OperatorHealth(sp.GetServices<IController>(), sp.GetRequiredService<SharedInformerFactory>(), sp.GetService<IHostApplicationLifetime>()));
        services.TryAddSingleton(TimeProvider.System);
        if (options is not null)
        {
            services.AddSingleton(options);
            services.AddSingleton(sp => new MetricsAuthorizer(sp.GetRequiredService<IKubernetesClient>(), sp.GetRequiredService<TimeProvider>(),
                sp.GetService<ILogger<MetricsAuthorizer>>()));
            services.AddSingleton(sp => new ObservabilityEndpoint(options, sp.GetRequiredService<OperatorHealth>(),
                sp.GetRequiredService<MeterProvider>(), sp.GetRequiredService<ManagedResourcesGauge>(),
                options.SecureMetrics ? sp.GetRequiredService<MetricsAuthorizer>() : null,
                sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILoggerFactory>(), sp.GetService<StartupTrace>()));
            services.AddHostedService(sp => sp.GetRequiredService<ObservabilityEndpoint>());
        }

        return services;
    }
}
