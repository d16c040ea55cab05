using EcsOperator.Api;
using EcsOperator.Api.Services;
using EcsOperator.Aws.ApplicationAutoScaling;
using EcsOperator.Aws.Principals;
using EcsOperator.Core.Tenancy;
using EcsOperator.Hosting;
using EcsOperator.Kubernetes.Controller;
using EcsOperator.Kubernetes.Events;
using EcsOperator.Kubernetes.Hosting;
using EcsOperator.Kubernetes.Informer;
using EcsOperator.Kubernetes.Rest;
using EcsOperator.Reconcilers.Managed;
using EcsOperator.Reconcilers.TaskDefinitions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EcsOperator.Reconcilers.Services;

/// <summary>
/// DI wiring of the EcsService controller: the reconciler, watches on the EcsTaskDefinitions and EcsClusters services
/// reference (<see cref="ServiceReferenceWatches"/>), the batched resync sweep, and <see cref="IServiceAutoScaling"/>
/// (<c>AddServiceAutoScaling</c>).
/// </summary>
public static class ServiceControllerRegistration
{
    public static IServiceCollection AddServiceController(this IServiceCollection services)
    {
        services.AddServiceAutoScaling();
        services.TryAddSingleton(sp => new ServiceSnapshots(sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton(sp =>
        {
            var informers = sp.GetRequiredService<SharedInformerFactory>();
            return new ServiceClusters(
                informers.For(OperatorResourceTypes.Services, ApiJsonContext.Default.EcsService).Cache,
                sp.GetRequiredService<ReferenceResolver>(),
                sp.GetRequiredService<IOptions<OperatorOptions>>().Value);
        });

        services.TryAddSingleton(sp => new EcsServiceReconciler(
            sp.GetRequiredService<IKubernetesClient>(),
            sp.GetRequiredService<IAwsClientsForNamespace>(),
            sp.GetRequiredService<INamespaceTenancySource>(),
            sp.GetRequiredService<Func<IApplicationAutoScalingApi, IServiceAutoScaling>>(),
            sp.GetRequiredService<ITaskDefinitionUsage>(),
            sp.GetRequiredService<ReferenceResolver>(),
            sp.GetRequiredService<ServiceClusters>(),
            sp.GetRequiredService<ServiceSnapshots>(),
            sp.GetRequiredService<IEventRecorder>(),
            sp.GetRequiredService<KubernetesClusterId>(),
            sp.GetRequiredService<IOptions<OperatorOptions>>().Value,
            sp.GetRequiredService<RequeuePolicy>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<EcsServiceReconciler>>()));

        services.TryAddSingleton(sp =>
        {
            var informers = sp.GetRequiredService<SharedInformerFactory>();
            var ecsServices = informers.For(OperatorResourceTypes.Services, ApiJsonContext.Default.EcsService);
            var taskDefinitions = informers.For(OperatorResourceTypes.TaskDefinitions, ApiJsonContext.Default.EcsTaskDefinition);
            var clusters = informers.For(OperatorResourceTypes.Clusters, ApiJsonContext.Default.EcsCluster);
            ServiceReferenceWatches.AddIndexes(ecsServices);

            var controller = OperatorControllers.Create(sp, EcsService.KindName, ecsServices, sp.GetRequiredService<EcsServiceReconciler>());

            ServiceReferenceWatches.Watch(controller, taskDefinitions, clusters);
            return controller;
        });
        services.AddController(sp => sp.GetRequiredService<Controller<EcsService>>());

        services.TryAddSingleton(sp => new BatchedServiceResync(
            sp.GetRequiredService<Controller<EcsService>>(),
            sp.GetRequiredService<IAwsClientsForNamespace>(),
            sp.GetRequiredService<ServiceSnapshots>(),
            sp.GetRequiredService<IOptions<OperatorOptions>>().Value,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<BatchedServiceResync>>()));
        services.AddSingleton<IResyncSource>(sp => sp.GetRequiredService<BatchedServiceResync>());
        services.AddController(sp => sp.GetRequiredService<BatchedServiceResync>());
        return services;
    }
}
