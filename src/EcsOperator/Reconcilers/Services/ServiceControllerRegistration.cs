using EcsOperator.Api;
using EcsOperator.Api.Services;
using EcsOperator.Aws.Principals;
using EcsOperator.Hosting;
using EcsOperator.Kubernetes.Controller;
using EcsOperator.Kubernetes.Hosting;
using EcsOperator.Kubernetes.Informer;
using EcsOperator.Reconcilers.Managed;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace EcsOperator.Reconcilers.Services;

/// <summary>
/// DI wiring of EcsService: its managed controller (<see cref="ServiceExternalClient"/>) with watches on the
/// EcsTaskDefinitions and EcsClusters services reference (<see cref="ServiceReferenceWatches"/>), the batched resync
/// that feeds its queue, and <see cref="IServiceAutoScaling"/> (<c>AddServiceAutoScaling</c>).
/// </summary>
public static class ServiceControllerRegistration
{
    public static IServiceCollection AddServiceController(this IServiceCollection services)
    {
        services.AddServiceAutoScaling();
        services.TryAddSingleton(sp => new ServiceSnapshots(sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<OperatorOptions>().ServiceSnapshotMaxAge));
        services.TryAddSingleton(sp => new ServiceRolloutRechecks(sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton(sp => new ServiceClusters(
            sp.GetRequiredService<SharedInformerFactory>().For(OperatorResourceTypes.Services, ApiJsonContext.Default.EcsService).Cache,
            sp.GetRequiredService<ReferenceResolver>(),
            sp.GetRequiredService<OperatorOptions>()));

        services.AddManagedController<EcsService, EcsServiceStatus, ServiceExternalClient.Live, ServiceExternalClient>((controller, sp) =>
        {
            var informers = sp.GetRequiredService<SharedInformerFactory>();
            ServiceReferenceWatches.AddIndexes(controller.Informer);
            ServiceReferenceWatches.Watch(controller,
                informers.For(OperatorResourceTypes.TaskDefinitions, ApiJsonContext.Default.EcsTaskDefinition),
                informers.For(OperatorResourceTypes.Clusters, ApiJsonContext.Default.EcsCluster));
        });

        services.TryAddSingleton(sp => new BatchedServiceResync(
            sp.GetRequiredService<Controller<EcsService>>(),
            sp.GetRequiredService<IAwsClientsForNamespace>(),
            sp.GetRequiredService<ServiceSnapshots>(),
            sp.GetRequiredService<OperatorOptions>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<BatchedServiceResync>>()));
        services.AddSingleton<IResyncSource>(sp => sp.GetRequiredService<BatchedServiceResync>());
        services.AddLeaderService(sp => sp.GetRequiredService<BatchedServiceResync>());
        return services;
    }
}
