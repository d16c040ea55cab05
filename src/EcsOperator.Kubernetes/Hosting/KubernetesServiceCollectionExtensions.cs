using EcsOperator.Kubernetes.Config;
using EcsOperator.Kubernetes.Controller;
using EcsOperator.Kubernetes.Events;
using EcsOperator.Kubernetes.Informer;
using EcsOperator.Kubernetes.Rest;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EcsOperator.Kubernetes.Hosting;

/// <summary>DI registration of the Kubernetes client and controller runtime.</summary>
public static class KubernetesServiceCollectionExtensions
{
    /// <summary>
    /// Registers KubernetesClient's <see cref="k8s.KubernetesClientConfiguration"/> (resolved from the options: in-cluster or kubeconfig),
    /// <see cref="IKubernetesClient"/>, <see cref="SharedInformerFactory"/> and <see cref="IEventRecorder"/>.
    /// </summary>
    public static IServiceCollection AddKubernetesClient(this IServiceCollection services, Action<KubernetesClientOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var builder = services.AddOptions<KubernetesClientOptions>();
        if (configure is not null)
        {
            builder.Configure(configure);
        }

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => KubernetesConfigResolver.Resolve(
            sp.GetRequiredService<IOptions<KubernetesClientOptions>>().Value));
        services.TryAddSingleton(sp => new KubernetesClient(
            sp.GetRequiredService<k8s.KubernetesClientConfiguration>(),
            sp.GetRequiredService<IOptions<KubernetesClientOptions>>().Value,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetService<ILogger<KubernetesClient>>()));
        services.TryAddSingleton<IKubernetesClient>(sp => sp.GetRequiredService<KubernetesClient>());
        services.TryAddSingleton(sp => new SharedInformerFactory(
            sp.GetRequiredService<IKubernetesClient>(),
            sp.GetService<IOptions<InformerOptions>>()?.Value,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetService<ILoggerFactory>(),
            sp.GetService<InformerDecoding>()));
        services.TryAddSingleton<IEventRecorder>(sp => new EventRecorder(
            sp.GetRequiredService<IKubernetesClient>(),
            sp.GetService<IOptions<EventRecorderOptions>>()?.Value,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetService<ILogger<EventRecorder>>()));
        return services;
    }

    /// <summary>
    /// Registers the hosted service that runs the shared informers and every registered <see cref="IController"/>;
    /// with leader election enabled, controllers run only while this replica leads, and losing the lease stops the
    /// application (the Deployment restarts it as a follower).
    /// </summary>
    public static IServiceCollection AddKubernetesControllers(this IServiceCollection services, Action<ControllerHostOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var builder = services.AddOptions<ControllerHostOptions>();
        if (configure is not null)
        {
            builder.Configure(configure);
        }

        services.TryAddSingleton(sp => new StartupTrace(sp.GetRequiredService<ILoggerFactory>(), sp.GetService<TimeProvider>() ?? TimeProvider.System));
        services.AddHostedService<ControllerHostedService>();
        return services;
    }

    /// <summary>Registers background work that runs only while this replica leads (see <see cref="ILeaderService"/>).</summary>
    public static IServiceCollection AddLeaderService(this IServiceCollection services, Func<IServiceProvider, ILeaderService> factory)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddSingleton(factory);
        return services;
    }

    /// <summary>Registers a controller built from the service provider (e.g. with the shared informer factory).</summary>
    public static IServiceCollection AddController(this IServiceCollection services, Func<IServiceProvider, IController> factory)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddSingleton(factory);
        return services;
    }
}
