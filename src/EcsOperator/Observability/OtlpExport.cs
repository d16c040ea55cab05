using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace EcsOperator.Observability;

/// <summary>
/// Traces and metrics over OTLP when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> (or the per-signal
/// <c>OTEL_EXPORTER_OTLP_TRACES_ENDPOINT</c> / <c>_METRICS_ENDPOINT</c>) is set; the exporter reads the rest of the
/// standard OTEL_* variables itself (protocol, headers, OTEL_SERVICE_NAME, OTEL_RESOURCE_ATTRIBUTES). Disposing
/// flushes and stops both providers.
/// </summary>
public sealed class OtlpExport : IDisposable
{
    private readonly TracerProvider? _tracer;
    private readonly MeterProvider? _meter;

    private OtlpExport(TracerProvider? tracer, MeterProvider? meter)
    {
        _tracer = tracer;
        _meter = meter;
    }

    /// <summary>The providers the environment asks for, or null when no OTLP endpoint is configured.</summary>
    public static OtlpExport? FromEnvironment(Func<string, string?> environment, string serviceVersion)
    {
        ArgumentNullException.ThrowIfNull(environment);
        bool Set(string name) => !string.IsNullOrWhiteSpace(environment(name));
        var traces = Set("OTEL_EXPORTER_OTLP_ENDPOINT") || Set("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT");
        var metrics = Set("OTEL_EXPORTER_OTLP_ENDPOINT") || Set("OTEL_EXPORTER_OTLP_METRICS_ENDPOINT");
        if (!traces && !metrics)
            return null;

        void Resource(ResourceBuilder r)
        {
            // OTEL_SERVICE_NAME (read by the default resource) wins over our default name.
            if (!Set("OTEL_SERVICE_NAME"))
                r.AddService("ecs-operator", serviceVersion: serviceVersion);
        }

        var tracer = traces
            ? Sdk.CreateTracerProviderBuilder().ConfigureResource(Resource)
                .AddSource([.. ObservabilityServiceCollectionExtensions.ActivitySourceNames]).AddOtlpExporter().Build()
            : null;
        var meter = metrics
            ? Sdk.CreateMeterProviderBuilder().ConfigureResource(Resource)
                .AddMeter([.. ObservabilityServiceCollectionExtensions.MeterNames]).AddOtlpExporter().Build()
            : null;
        return new OtlpExport(tracer, meter);
    }

    public void Dispose()
    {
        _tracer?.Dispose();
        _meter?.Dispose();
    }
}
