using EcsOperator.Api;
using EcsOperator.Api.CapacityProviders;
using EcsOperator.Api.Clusters;
using EcsOperator.Api.TaskDefinitions;
using EcsOperator.Aws;
using EcsOperator.Aws.Principals;
using EcsOperator.Kubernetes.Config;
using EcsOperator.Kubernetes.Events;
using EcsOperator.Kubernetes.Hosting;
using EcsOperator.Kubernetes.Informer;
using EcsOperator.Kubernetes.Rest;
using EcsOperator.Reconcilers.CapacityProviders;
using EcsOperator.Reconcilers.Clusters;
using EcsOperator.Reconcilers.Managed;
using EcsOperator.Reconcilers.Services;
using EcsOperator.Reconcilers.TaskDefinitions;
using EcsOperator.Reconcilers.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace EcsOperator.Hosting;

/// <summary>DI wiring of the operator: Kubernetes client and informers, AWS clients, and the controllers.</summary>
public static class OperatorServiceCollectionExtensions
{
    /// <summary>
    /// Registers everything the operator runs: the Kubernetes client (configured by <paramref name="kubernetes"/>),
    /// the AWS clients (<paramref name="aws"/>), the controller host and one controller per kind.
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
        services.TryAddSingleton(CachedListTypes.Decoding);
        services.AddKubernetesClient(kubernetes);
        services.AddEcsOperatorAws(aws);
        services.AddKubernetesControllers();
        services.AddHostedService(sp => new UnreadableObjectEvents(sp.GetRequiredService<KubernetesClient>(), sp.GetRequiredService<IEventRecorder>()));
        services.AddOptions<ControllerHostOptions>().Configure<IOptions<OperatorOptions>>((host, op) => host.LeaderElection = op.Value.LeaderElection);
        services.TryAddSingleton(sp => sp.GetRequiredService<IOptions<OperatorOptions>>().Value);
        services.TryAddSingleton(sp => new RequeuePolicy(sp.GetRequiredService<OperatorOptions>(), () => sp.GetServices<IResyncSource>()));
        // Without AddEcsOperatorTenancy nothing is checked, as SharedAwsClients gives every namespace one principal.
        services.TryAddSingleton(TenancyRegistration.Unchecked);
        services.TryAddSingleton(sp => new KubernetesClusterId(sp.GetRequiredService<IKubernetesClient>(), sp.GetRequiredService<IOptions<OperatorOptions>>().Value.ClusterId));

        services.TryAddSingleton(sp =>
        {
            var informers = sp.GetRequiredService<SharedInformerFactory>();
            return new ReferenceResolver(
                informers.For(OperatorResourceTypes.TaskDefinitions, ApiJsonContext.Default.EcsTaskDefinition).Cache,
                informers.For(OperatorResourceTypes.Clusters, ApiJsonContext.Default.EcsCluster).Cache,
                informers.For(OperatorResourceTypes.CapacityProviders, ApiJsonContext.Default.EcsCapacityProvider).Cache);
        });

        // Revisions are in use while a deployment of a service in a cluster our services live in (or a configured
        // one) runs them, or an EcsTask's run has not finished.
        services.AddSingleton<ITaskDefinitionUsage>(sp => new TaskDefinitionUsage(
            new EcsTaskDefinitionUsage(sp.GetRequiredService<IAwsClientsForNamespace>(), _ => Task.FromResult(sp.GetRequiredService<ServiceClusters>().InUse())),
            sp.GetRequiredService<SharedInformerFactory>().For(OperatorResourceTypes.Tasks, ApiJsonContext.Default.EcsTask).Cache));

        services.TryAddSingleton<TaskDefinitionFamilyCensus>();

        // One line per kind.
        services.AddManagedController<EcsTaskDefinition, EcsTaskDefinitionStatus, TaskDefinitionExternalClient.Live, TaskDefinitionExternalClient>();
        services.AddManagedController<EcsCluster, EcsClusterStatus, ClusterExternalClient.Live, ClusterExternalClient>(ClusterCapacityProviderWatches.Watch);
        services.AddServiceController();
        services.AddTaskController();
        services.AddManagedController<EcsCapacityProvider, EcsCapacityProviderStatus, CapacityProviderExternalClient.Live, CapacityProviderExternalClient>();
        return services;
    }
}
