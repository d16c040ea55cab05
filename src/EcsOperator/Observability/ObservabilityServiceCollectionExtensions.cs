using EcsOperator.Aws.Telemetry;
using EcsOperator.Kubernetes.Controller;
using EcsOperator.Kubernetes.Diagnostics;
using EcsOperator.Kubernetes.Informer;
using EcsOperator.Observability.Prometheus;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace EcsOperator.Observability;

/// <summary>DI wiring of the health / metrics endpoint.</summary>
public static class ObservabilityServiceCollectionExtensions
{
    /// <summary>The meters exported on /metrics and over OTLP.</summary>
    public static IReadOnlyList<string> MeterNames { get; } = [KubernetesTelemetry.Name, AwsTelemetry.Name, OperatorMetrics.Name];

    /// <summary>The activity sources exported over OTLP.</summary>
    public static IReadOnlyList<string> ActivitySourceNames { get; } = [KubernetesTelemetry.Name, AwsTelemetry.Name];

    /// <summary>
    /// Registers the /healthz, /readyz and /metrics listener as a hosted service (call before AddEcsOperator so it
    /// starts before the controllers and stops after them). <paramref name="options"/> null: no listener.
    /// </summary>
    public static IServiceCollection AddOperatorObservability(this IServiceCollection services, ObservabilityEndpointOptions? options)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddSingleton(_ => new PrometheusExporter(MeterNames));
        services.AddSingleton(sp => new ManagedResourcesGauge(sp.GetRequiredService<SharedInformerFactory>()));
        services.AddSingleton(sp => new OperatorHealth(sp.GetServices<IController>(), sp.GetRequiredService<SharedInformerFactory>(), sp.GetService<IHostApplicationLifetime>()));
        if (options is not null)
        {
            services.AddSingleton(options);
            services.AddSingleton(sp => new ObservabilityEndpoint(options, sp.GetRequiredService<OperatorHealth>(),
                sp.GetRequiredService<PrometheusExporter>(), sp.GetRequiredService<ManagedResourcesGauge>(), sp.GetRequiredService<ILoggerFactory>()));
            services.AddHostedService(sp => sp.GetRequiredService<ObservabilityEndpoint>());
        }

        return services;
    }
}
