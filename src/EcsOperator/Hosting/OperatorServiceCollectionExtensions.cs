using EcsOperator.Api;
using EcsOperator.Api.Clusters;
using EcsOperator.Api.TaskDefinitions;
using EcsOperator.Aws;
using EcsOperator.Aws.Ecs;
using EcsOperator.Kubernetes.Config;
using EcsOperator.Kubernetes.Controller;
using EcsOperator.Kubernetes.Events;
using EcsOperator.Kubernetes.Hosting;
using EcsOperator.Kubernetes.Informer;
using EcsOperator.Kubernetes.Rest;
using EcsOperator.Reconcilers.Clusters;
using EcsOperator.Reconcilers.TaskDefinitions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EcsOperator.Hosting;

/// <summary>DI wiring of the operator: Kubernetes client and informers, AWS clients, and the controllers.</summary>
public static class OperatorServiceCollectionExtensions
{
    /// <summary>
    /// Registers everything the operator runs: the Kubernetes client (configured by <paramref name="kubernetes"/>),
    /// the AWS clients (<paramref name="aws"/>), the controller host and the EcsTaskDefinition and EcsCluster controllers.
    /// </summary>
    public static IServiceCollection AddEcsOperator(this IServiceCollection services,
        Action<OperatorOptions>? configure = null,
        Action<KubernetesClientOptions>? kubernetes = null,
        Action<AwsClientOptions>? aws = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var builder = services.AddOptions<OperatorOptions>();
        if (configure is not null)
            builder.Configure(configure);

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IOptions<InformerOptions>>(sp => Options.Create(new InformerOptions
        {
            Namespaces = sp.GetRequiredService<IOptions<OperatorOptions>>().Value.Namespaces,
        }));
        services.AddKubernetesClient(kubernetes);
        services.AddEcsOperatorAws(aws);
        services.AddKubernetesControllers();
        services.AddOptions<ControllerHostOptions>().Configure<IOptions<OperatorOptions>>((host, op) => host.LeaderElection = op.Value.LeaderElection);

        services.TryAddSingleton(sp => new ClusterIdentity(sp.GetRequiredService<IKubernetesClient>(), sp.GetRequiredService<IOptions<OperatorOptions>>().Value.ClusterId));
        services.TryAddSingleton<ITaskDefinitionUsage>(sp =>
        {
            var clusters = sp.GetRequiredService<IOptions<OperatorOptions>>().Value.UsageClusters;
            return new EcsTaskDefinitionUsage(sp.GetRequiredService<IEcsApi>(), _ => Task.FromResult(clusters));
        });
        services.TryAddSingleton(sp => new EcsTaskDefinitionReconciler(
            sp.GetRequiredService<IKubernetesClient>(),
            sp.GetRequiredService<IEcsApi>(),
            sp.GetRequiredService<ITaskDefinitionUsage>(),
            sp.GetRequiredService<IEventRecorder>(),
            sp.GetRequiredService<ClusterIdentity>(),
            sp.GetRequiredService<IOptions<OperatorOptions>>().Value,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<EcsTaskDefinitionReconciler>>()));
        services.AddController(sp =>
        {
            var informers = sp.GetRequiredService<SharedInformerFactory>();
            var taskDefinitions = informers.For(OperatorResourceTypes.TaskDefinitions, ApiJsonContext.Default.EcsTaskDefinition);
            return new Controller<EcsTaskDefinition>("ecstaskdefinition", taskDefinitions, sp.GetRequiredService<EcsTaskDefinitionReconciler>(),
                new ControllerOptions { Workers = sp.GetRequiredService<IOptions<OperatorOptions>>().Value.Workers },
                sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILoggerFactory>().CreateLogger("EcsOperator.Controller.EcsTaskDefinition"));
        });
        services.TryAddSingleton(sp => new EcsClusterReconciler(
            sp.GetRequiredService<IKubernetesClient>(),
            sp.GetRequiredService<IEcsApi>(),
            sp.GetRequiredService<IEventRecorder>(),
            sp.GetRequiredService<ClusterIdentity>(),
            sp.GetRequiredService<IOptions<OperatorOptions>>().Value,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<EcsClusterReconciler>>()));
        services.AddController(sp =>
        {
            var informers = sp.GetRequiredService<SharedInformerFactory>();
            var clusters = informers.For(OperatorResourceTypes.Clusters, ApiJsonContext.Default.EcsCluster);
            return new Controller<EcsCluster>("ecscluster", clusters, sp.GetRequiredService<EcsClusterReconciler>(),
                new ControllerOptions { Workers = sp.GetRequiredService<IOptions<OperatorOptions>>().Value.Workers },
                sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILoggerFactory>().CreateLogger("EcsOperator.Controller.EcsCluster"));
        });
        return services;
    }
}
